// Every catalogue, every namespace (including ones added later: the check
// walks `resources`, not a list): each English key exists in Spanish and
// French, no language has keys English lacks, every {{placeholder}} of the
// English text is in each translation, and plural keys carry every plural
// form the language's rules (Intl.PluralRules, as i18next uses) can select.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from '../../../../renderer/src/i18n/resources';
import { catalogueProblems } from './catalogue-check';

describe('translation catalogues', () => {
  it('have no missing keys, lost placeholders or incomplete plurals in any language', () => {
    expect(catalogueProblems(resources as never, LANGUAGES)).toEqual([]);
  });

  it('cover at least the namespaces of the source language in every language', () => {
    for (const lang of LANGUAGES) expect(Object.keys(resources[lang]).sort()).toEqual(Object.keys(resources.en).sort());
  });

  it('find each kind of problem (the check can fail)', () => {
    const bad = {
      en: { ns: { a: 'Hello {{name}}', b: 'x', 'n_one': '{{count}} item', 'n_other': '{{count}} items', extra: 'e' } },
      es: { ns: { a: 'Hola', 'n_one': '{{count}} elemento', 'n_other': '{{count}} elementos', extra: 'extra', ghost: 'g' } },
      fr: { ns: { a: 'Bonjour {{name}}', b: 'x', 'n_one': '{{count}} élément', 'n_many': '{{count}} d’éléments', 'n_other': '{{count}} éléments', extra: '' } },
    };
    const problems = catalogueProblems(bad, ['en', 'es', 'fr']);
    expect(problems).toEqual(expect.arrayContaining([
      'es/ns: "a" lacks {{name}}',
      'es/ns: "b" is missing',
      'es/ns: "n" lacks the plural form "n_many"',
      'es/ns: "ghost" is not in English',
      'fr/ns: "extra" is empty',
    ]));
    expect(problems.filter((p) => p.startsWith('fr/'))).toEqual(['fr/ns: "extra" is empty']);
  });
});
