import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../shared/template/validate';

const item = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'compliance',
  prompt: 'Fire exits are unobstructed',
  guidance: 'Walk every route.',
  evidence: ['Photos'],
  references: [{ standard: 'ETI', clause: '3.1' }],
  ...extra,
});
const base = () => ({
  schema: 'fairsite.template/1',
  key: 'small',
  version: '1.0.0',
  name: 'Small',
  sections: [
    { id: 's1', title: 'One', items: [item('a'), item('b')] },
    { id: 's2', title: 'Two', items: [item('c'), item('d'), item('e'), item('f'), item('g'), item('h')] },
    { id: 's3', title: 'Three', items: [item('i')] },
  ],
});

function errorsOf(doc: unknown): Map<string, string> {
  const r = validateTemplate(typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
  if (r.ok) throw new Error('expected errors');
  return new Map(r.errors.map((e) => [e.path, e.message]));
}

describe('validateTemplate', () => {
  it('accepts a small valid template and fills defaults', () => {
    const r = validateTemplate(JSON.stringify(base()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.template.sections[0]?.weight).toBe(1);
    expect(r.template.sections[0]?.items[0]?.rules).toEqual({ requireNoteOn: ['non_compliant'], requireSeverityOn: ['non_compliant'], requireEvidenceOn: [], required: true });
  });

  it('lists every schema error at once, each by its path', () => {
    const doc = base() as Record<string, unknown> & ReturnType<typeof base>;
    doc.version = '1.0';
    doc.extra = true;
    const s2 = doc.sections[1]!;
    s2.items[5] = item('h', { kind: 'rating' });
    s2.items[2] = item('e', { prompt: '   ' });
    s2.items[3] = item('f', { references: [{ standard: 'ISO 9001', clause: '1' }], colour: 'red' });
    doc.sections[2]!.items[0] = item('a'); // same id as sections[0].items[0]
    (doc.sections[0] as Record<string, unknown>).weight = -1;
    const errs = errorsOf(doc);
    expect(errs.get('version')).toMatch(/semantic version/);
    expect(errs.get('extra')).toMatch(/unknown field/);
    expect(errs.get('sections[1].items[5].kind')).toMatch(/must be one of: compliance, number, wage, hours, choice, text/);
    expect(errs.get('sections[1].items[2].prompt')).toBeDefined();
    expect(errs.get('sections[1].items[3].references[0].standard')).toMatch(/expected one of/);
    expect(errs.get('sections[1].items[3].colour')).toMatch(/unknown field/);
    expect(errs.get('sections[2].items[0].id')).toBe('duplicate id "a"');
    expect(errs.get('sections[0].weight')).toBeDefined();
    expect(errs.size).toBe(8);
  });

  it('reports a repeated id on its own, when everything else is valid', () => {
    const doc = base();
    doc.sections[2]!.id = 'b'; // an item id in sections[0]: sections and items share one namespace
    expect([...errorsOf(doc)]).toEqual([['sections[2].id', 'duplicate id "b"']]);
  });

  it('refuses a "__proto__" key as an unknown field without touching any prototype', () => {
    const text = JSON.stringify(base()).replace('{', '{"__proto__":{"polluted":true},');
    expect(errorsOf(text).get('__proto__')).toMatch(/unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a missing required field', () => {
    const doc = base();
    doc.sections[0]!.items[1] = item('b', { kind: 'number' }); // a number item needs a unit
    expect(errorsOf(doc).get('sections[0].items[1].unit')).toBe('required (string)');
  });

  it('rejects thresholds that cross, duplicate choice options and clashing bands', () => {
    const doc = { ...base(), bands: [{ band: 'A', min: 50, color: '#00aa00' }, { band: 'B', min: 50, color: '#aa0000' }] };
    doc.sections[0]!.items[0] = item('a', { kind: 'number', unit: 'dB(A)', thresholds: { warnAbove: 90, failAbove: 80 } });
    doc.sections[0]!.items[1] = item('b', { kind: 'choice', options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'Again' }] });
    const errs = errorsOf(doc);
    expect(errs.get('sections[0].items[0].thresholds.failAbove')).toMatch(/below warnAbove/);
    expect(errs.get('sections[0].items[1].options[1].value')).toBe('duplicate option "x"');
    expect(errs.get('bands[1]')).toMatch(/own name and its own minimum/);
  });

  it('reports repeated keys, which JSON.parse would silently merge', () => {
    const text = '{"schema":"fairsite.template/1","key":"k","key":"k2","version":"1.0.0","name":"N","sections":[]}';
    const errs = errorsOf(text);
    expect(errs.get('key')).toMatch(/more than once/);
    expect(errs.get('sections')).toMatch(/>=1/);
  });

  it('gives line and column for a JSON syntax error', () => {
    const text = '{\n  "schema": "fairsite.template/1",\n  "key": "x"\n  "version": "1.0.0"\n}';
    const r = validateTemplate(text);
    const detail = `expected ',' or '}' but found "\\""`;
    // The English as before; the place and the scanner's detail as parameters, for the UI to say in its language.
    expect(r).toEqual({
      ok: false, total: 1,
      errors: [{
        path: 'line 4, column 3', message: `JSON syntax error: ${detail}`,
        text: { key: 'template.syntax', params: { error: { key: 'json.expectedComma', params: { close: '}', found: { key: 'json.char', params: { char: '"\\""' } } } } } },
        where: { key: 'template.at', params: { line: 4, column: 3 } },
      }],
    });
  });

  it.each([
    ['{"a": 1,}', 'line 1, column 9', /trailing comma/],
    ["{'a': 1}", 'line 1, column 2', /property name in double quotes/],
    ['{"a": tru}', 'line 1, column 7', /expected a value/],
    ['{"a": "x\ny"}', 'line 1, column 9', /control character/],
    ['{"a": 01}', 'line 1, column 7', /malformed number/],
    ['[1, 2', 'line 1, column 6', /the end of the text/],
    ['{"a": 1}\n\n  x', 'line 3, column 3', /after the end/],
    ['{"a": "\\q"}', 'line 1, column 8', /bad escape/],
  ])('locates %j', (text, where, message) => {
    const r = validateTemplate(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.path).toBe(where);
    expect(r.errors[0]?.message).toMatch(message);
  });

  it('agrees with JSON.parse on which texts are valid JSON', () => {
    const samples = ['{}', '[]', '"x"', '1e5', '-0.5', '{"a":[1,{"b":null}],"c":"\\u00e9"}', '{"a":1', '[1,]', '01', '1.', '.5', '"\\x"', 'nul', '  {"a" :  true }  '];
    for (const s of samples) {
      let parses = true;
      try {
        JSON.parse(s);
      } catch {
        parses = false;
      }
      const r = validateTemplate(s);
      const syntax = !r.ok && r.errors.some((e) => e.message.startsWith('JSON syntax error'));
      expect(syntax, s).toBe(!parses);
    }
  });

  it('accepts a byte-order mark, refuses empty text and deep nesting without crashing', () => {
    expect(validateTemplate('\ufeff' + JSON.stringify(base())).ok).toBe(true);
    expect(errorsOf('  ').get('(root)')).toBe('the file is empty');
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = validateTemplate(deep);
    expect(!r.ok && r.errors[0]?.message).toMatch(/nested more than/);
  });
});
