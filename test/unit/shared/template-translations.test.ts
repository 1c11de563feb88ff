// Template translations: checked against the template, missing texts listed
// by validation, and a missing text falling back to the template's language.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localizeTemplate, templateLanguages } from '../../../shared/template/translations';
import { validateTemplate } from '../../../shared/template/validate';

const builtIn = readFileSync(fileURLToPath(new URL('../../../assets/templates/bpo-ethical-compliance.json', import.meta.url)), 'utf8');

function template(translations: unknown) {
  return JSON.stringify({
    schema: 'fairsite.template/1', key: 'tiny', version: '1.0.0', name: 'Tiny', language: 'en',
    sections: [{
      id: 's1', title: 'Safety',
      items: [
        { id: 'i1', kind: 'compliance', prompt: 'Exits are clear', guidance: 'Walk every floor.', evidence: ['Floor walk', 'Drill log'], references: [{ standard: 'ETI', clause: '3.1' }] },
        { id: 'i2', kind: 'choice', prompt: 'Fire alarm', guidance: 'Ask for the test log.', evidence: ['Test log'], references: [{ standard: 'ETI', clause: '3.1' }], options: [{ value: 'tested', label: 'Tested' }, { value: 'not', label: 'Not tested', finding: true }] },
      ],
    }],
    translations,
  });
}

describe('template translations', () => {
  it('lists every text a language lacks, by path', () => {
    const r = validateTemplate(template({ es: { name: 'Mini', sections: { s1: { title: 'Seguridad', items: { i1: { prompt: 'Las salidas están despejadas' } } } } } }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.missingTranslations.es).toEqual([
      'translations.es.sections.s1.items.i1.guidance',
      'translations.es.sections.s1.items.i1.evidence',
      'translations.es.sections.s1.items.i2.prompt',
      'translations.es.sections.s1.items.i2.guidance',
      'translations.es.sections.s1.items.i2.evidence',
      'translations.es.sections.s1.items.i2.options.tested',
      'translations.es.sections.s1.items.i2.options.not',
    ]);
  });

  it('refuses translations of what the template does not have, or of its own language', () => {
    const r = validateTemplate(template({
      en: { name: 'Again' },
      fr: { sections: { nope: { title: 'X' }, s1: { items: { ghost: { prompt: 'X' }, i1: { evidence: ['Une seule'] }, i2: { options: { maybe: 'Peut-être' } } } } } },
    }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual(expect.arrayContaining([
      expect.stringContaining('"en" is the template\'s own language'),
      'the template has no section "nope"',
      'section "s1" has no item "ghost"',
      "give all 2 evidence lines, in the template's order (1 given)",
      'item "i2" has no option "maybe"',
    ]));
  });

  it('shows translated texts, and the template language where there is none; references never change', () => {
    const r = validateTemplate(template({ fr: { sections: { s1: { title: 'Sécurité', items: { i2: { prompt: 'Alarme incendie', options: { tested: 'Testée' } } } } } } }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(templateLanguages(r.template)).toEqual(['en', 'fr']);
    const fr = localizeTemplate(r.template, 'fr');
    const [s] = fr.sections;
    expect(s?.title).toBe('Sécurité');
    expect(s?.items[0]?.prompt).toBe('Exits are clear');
    const choice = s?.items[1];
    expect(choice?.prompt).toBe('Alarme incendie');
    expect(choice?.kind === 'choice' && choice.options.map((o) => o.label)).toEqual(['Testée', 'Not tested']);
    expect(choice?.references).toEqual(r.template.sections[0]?.items[1]?.references);
    // A language without translations is the template itself.
    expect(localizeTemplate(r.template, 'es')).toBe(r.template);
  });

  it('the built-in template has Spanish and French for every text: name, description, severities, sections and every item', () => {
    const r = validateTemplate(builtIn);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(templateLanguages(r.template)).toEqual(['en', 'es', 'fr']);
    for (const lang of ['es', 'fr']) {
      expect(r.missingTranslations[lang] ?? []).toEqual([]);
      const local = localizeTemplate(r.template, lang);
      // Clause references are as the standards name them, in every language.
      expect(local.sections.flatMap((s) => s.items.map((i) => i.references))).toEqual(r.template.sections.flatMap((s) => s.items.map((i) => i.references)));
    }
  });
});
