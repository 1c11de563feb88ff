import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templateItems } from '../../../shared/template/schema';
import { validateTemplate } from '../../../shared/template/validate';

const file = fileURLToPath(new URL('../../../assets/templates/bpo-ethical-compliance.json', import.meta.url));
const text = readFileSync(file, 'utf8');

function load() {
  const r = validateTemplate(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r;
}

describe('built-in template "BPO site ethical compliance"', () => {
  it('validates and has the expected identity', () => {
    const { template, hash } = load();
    expect(template.schema).toBe('fairsite.template/1');
    expect(template.key).toBe('bpo-ethical-compliance');
    expect(template.version).toBe('1.0.0');
    expect(template.name).toBe('BPO site ethical compliance');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has at least 7 sections and 80 items, each with guidance, evidence and references', () => {
    const { template } = load();
    expect(template.sections.length).toBeGreaterThanOrEqual(7);
    const items = templateItems(template);
    expect(items.length).toBeGreaterThanOrEqual(80);
    for (const { item } of items) {
      expect(item.guidance.length, item.id).toBeGreaterThan(60);
      expect(item.evidence.length, item.id).toBeGreaterThan(0);
      expect(item.references.length, item.id).toBeGreaterThan(0);
    }
  });

  it('covers the sections the issue lists', () => {
    const titles = load().template.sections.map((s) => s.title.toLowerCase());
    for (const words of ['management', 'labour', 'wages', 'health', 'data security', 'environment', 'grievance']) {
      expect(titles.some((t) => t.includes(words)), words).toBe(true);
    }
  });

  it('uses unique ids across sections and items', () => {
    const { template } = load();
    const ids = [...template.sections.map((s) => s.id), ...templateItems(template).map((x) => x.item.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('includes a wage check, an hours sample with ETI limits, number items with thresholds, choices and text', () => {
    const { template } = load();
    const items = templateItems(template).map((x) => x.item);
    const kinds = new Set(items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['choice', 'compliance', 'hours', 'number', 'text', 'wage']);
    const hours = items.find((i) => i.kind === 'hours');
    expect(hours?.kind === 'hours' && hours.limits).toEqual({ contracted: 48, total: 60, maxDaysWorked: 6 });
    const noise = items.find((i) => i.kind === 'number' && i.unit === 'dB(A)');
    expect(noise?.kind === 'number' && noise.thresholds.failAbove).toBe(80);
    expect(items.some((i) => i.kind === 'choice' && i.options.some((o) => o.finding))).toBe(true);
  });

  it('names the call-centre hazards and data security controls the checklist must cover', () => {
    const body = text.toLowerCase();
    for (const phrase of ['acoustic shock', 'headset', 'ergonomic', 'fire exit', 'night shift', 'badge', 'clean desk', 'clear screen', 'personal phones', 'disposal', 'screen lock', 'non-retaliation']) {
      expect(body.includes(phrase) || body.includes(phrase.replace(' ', '-')), phrase).toBe(true);
    }
    for (const clause of ['A.7.7', 'A.7.2', 'A.7.10', 'A.7.14', 'A.8.1', '9.4', '12.6']) expect(text).toContain(clause);
  });

  it('marks zero-tolerance items in their guidance and asks for photo evidence where it is natural', () => {
    const items = templateItems(load().template).map((x) => x.item);
    const zt = items.filter((i) => i.guidance.includes('ZERO TOLERANCE'));
    expect(zt.map((i) => i.id)).toEqual(expect.arrayContaining(['lab.forced-labour', 'lab.child-labour', 'hs.fire-exits', 'grv.anti-bribery']));
    const photo = items.filter((i) => i.rules.requireEvidenceOn.includes('non_compliant')).map((i) => i.id);
    expect(photo).toEqual(expect.arrayContaining(['hs.fire-exits', 'sec.clean-desk', 'sec.no-phones', 'sec.disposal']));
    // Compliance items keep the default rule: a non-compliance needs a severity and a note.
    for (const i of items.filter((x) => x.kind === 'compliance')) {
      expect(i.rules.requireSeverityOn, i.id).toContain('non_compliant');
      expect(i.rules.requireNoteOn, i.id).toContain('non_compliant');
    }
  });

  it('hashes the same whatever the file layout', () => {
    const { hash } = load();
    const compact = validateTemplate(JSON.stringify(JSON.parse(text)));
    expect(compact.ok && compact.hash).toBe(hash);
  });
});
