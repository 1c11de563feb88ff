// The core's own sentences (refusals, report steps, HQ import results,
// template problems) travel as messages: every key the core can emit has
// English, Spanish and French text with the same placeholders, and the UI
// says each source's message in Spanish and French, never in English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import { sayMessage } from '../../../../renderer/src/i18n/messages';
import { describeError } from '../../../../renderer/src/api/messages';
import { fieldMessage } from '../../../../renderer/src/i18n/validation';
import { LANGUAGES, resources } from '../../../../renderer/src/i18n/resources';
import { coreEnglish, refusal } from '../../../../shared/core-messages';
import { msg, messageKeys, type Message } from '../../../../shared/messages';
import { itemBlockers } from '../../../../shared/scoring';
import { validateTemplate } from '../../../../shared/template/validate';
import { Template } from '../../../../shared/template/schema';
import { LegalProfile } from '../../../../shared/domain/legal-profile';

const root = join(__dirname, '../../../..');
/** Every file that writes a core message (msg('key', …), or a key handed on as a string). */
const FILES = [
  'shared/scoring.ts', 'shared/template/schema.ts', 'shared/template/translations.ts', 'shared/template/validate.ts',
  'electron/core/report/consistency-load.ts', 'electron/core/store/repos/lifecycle.ts', 'electron/core/followup/audits.ts',
  'electron/core/report/render.ts', 'electron/core/report/export.ts', 'electron/core/store/repos/templates.ts',
  'electron/core/hqconfig/import.ts', 'electron/core/hqconfig/fetch.ts', 'electron/core/hqconfig/publish.ts',
  'electron/core/hq/import.ts', 'electron/core/hq/import-files.ts', 'electron/core/hq/import-texts.ts',
  'electron/core/hq/inbox/service.ts', 'electron/core/hq/inbox/watch.ts', 'shared/core-messages.ts',
];
/** Strings in those files that look like keys but are not messages (settings' and operations' names). */
const NOT_MESSAGES = new Set(['hqConfig.signer', 'hqConfig.applied', 'hqConfig.publish']);
const PREFIXES = /^(core|finalize|followup|blocker|severity|progress|hqConfig|hqImport|hqInbox|template)\./;
const source = (f: string) => readFileSync(join(root, f), 'utf8');

/** The keys the core can emit: every literal key in the files, and the ones it builds from a code. */
function emitted(): Set<string> {
  const keys = new Set<string>();
  for (const f of FILES) for (const m of source(f).matchAll(/'([a-zA-Z]+\.[a-zA-Z_.]+)'/g)) if (PREFIXES.test(m[1]!) && !NOT_MESSAGES.has(m[1]!)) keys.add(m[1]!);
  // Built from a code: a bundle's refusal reason, what a path is, a severity.
  const codes = [...source('electron/core/bundle/rejection.ts').matchAll(/\|\s*'([a-z_]+)'/g)].map((m) => m[1]!);
  expect(codes.length).toBeGreaterThan(20);
  for (const c of codes) keys.add(`hqImport.refused.${c}`);
  for (const w of ['link', 'fifo', 'device', 'socket', 'folder', 'other']) keys.add(`hqImport.what.${w}`);
  for (const s of ['critical', 'major', 'minor']) keys.add(`severity.${s}`);
  return keys;
}

const catalogue = (lang: string) => ({ ...resources[lang as 'en'].checks, ...resources[lang as 'en'].core }) as Record<string, string>;
const has = (lang: string, key: string) => Boolean(catalogue(lang)[key] ?? catalogue(lang)[`${key}_other`]);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

afterEach(async () => { await initI18n().changeLanguage('en'); });

describe('core messages: the catalogue', () => {
  it('every key the core can emit has English, Spanish and French text', () => {
    const keys = emitted();
    expect(keys.size).toBeGreaterThan(120);
    for (const lang of LANGUAGES) expect([...keys].filter((k) => !has(lang, k)), lang).toEqual([]);
  });

  it('each translation keeps the placeholders of its English text, and plural keys have every form the language selects', () => {
    const en = resources.en.core as Record<string, string>;
    const problems: string[] = [];
    for (const lang of ['es', 'fr'] as const) {
      const cat = resources[lang].core as Record<string, string>;
      for (const [k, text] of Object.entries(en)) {
        const base = k.replace(/_(one|other)$/, '');
        const other = cat[k] ?? cat[`${base}_other`];
        if (!other) problems.push(`${lang}: ${k} missing`);
        else if (placeholders(other).join() !== placeholders(text).join()) problems.push(`${lang}: ${k} has {{${placeholders(other).join('}}, {{')}}}`);
        if (k !== base) for (const form of ['one', 'many', 'other']) if (!cat[`${base}_${form}`]) problems.push(`${lang}: ${base}_${form} missing`);
      }
      for (const k of Object.keys(cat)) if (!(k in en) && !(`${k.replace(/_many$/, '_other')}` in en)) problems.push(`${lang}: ${k} not in English`);
    }
    expect(problems).toEqual([]);
  });

  it('no core key shadows a checks key (the UI looks in checks first)', () => {
    const checks = Object.keys(resources.en.checks);
    expect(Object.keys(resources.en.core).filter((k) => checks.includes(k))).toEqual([]);
  });

  it('every key the source files name is emitted for real: the scan finds the keys written as strings', () => {
    // A refusal built in each source, its keys (nested ones too) all in the scan.
    const keys = emitted();
    const samples: Message[] = [
      msg('finalize.inconsistent', { count: 2, warnings: msg('core.sentences', { a: msg('consistency.itemNote'), b: msg('consistency.itemNote') }) }),
      msg('hqImport.importedConflicts', { bundle: 'b', name: 'n', auditor: 'a', key: 'k', count: 1, carried: msg('hqImport.auditsAndActions', { audits: msg('hqImport.audits', { count: 1 }), actions: msg('hqImport.actionUpdates', { count: 2, audits: msg('hqImport.forAudits', { count: 1 }) }) }) }),
    ];
    for (const m of samples) for (const k of messageKeys(m)) if (PREFIXES.test(k)) expect(keys.has(k), k).toBe(true);
  });
});

const SITE = { currency: 'PHP', legal: LegalProfile.parse({}) };
const item = Template.parse({
  schema: 'fairsite.template/1', key: 'k', version: '1.0.0', name: 'N',
  sections: [{ id: 's', title: 'S', items: [{ id: 'i', kind: 'compliance', prompt: 'Fire exits are clear', guidance: 'g', evidence: ['Records'], references: [{ standard: 'ETI', clause: '1' }], severity: 'minor', rules: { requireEvidenceOn: ['non_compliant'] } }] }],
}).sections[0]!.items[0]!;

/** One message from each of the six sources, as the core makes it (its English beside it). */
function sixSources(): Array<{ source: string; text: Message; english: string }> {
  const [noteBlocker] = itemBlockers(item, { value: { kind: 'compliance', answer: 'non_compliant' }, severity: 'critical' }, SITE, 0).filter((b) => b.reason === 'missing_note');
  const bad = validateTemplate(JSON.stringify({ schema: 'fairsite.template/1', key: 'Bad Key', version: '1', name: 'N', sections: [{ id: 's', title: 'S', items: [], extra: 1 }] }));
  if (bad.ok) throw new Error('the bad template was accepted');
  const tplField = bad.errors.find((e) => e.text)!;
  const said = (source: string, text: Message) => ({ source, text, english: coreEnglish(text) });
  return [
    said('requireConsistent', msg('finalize.inconsistent', { count: 1, warnings: msg('consistency.itemNote') })),
    said('report progress', msg('progress.appendix', { n: 3, total: 7 })),
    { source: 'scoring blocker', text: noteBlocker!.text, english: noteBlocker!.message },
    said('HQ configuration', msg('hqConfig.refused', { reason: msg('hqConfig.notGivenKey', { fingerprint: 'aaaa', expected: 'bbbb' }) })),
    said('HQ import', msg('hqImport.refused.hash_mismatch')),
    { source: 'template validation', text: tplField.text!, english: tplField.message },
  ];
}

describe('core messages: said in the UI language', () => {
  it('each of the six sources says its message in Spanish and French, not in English', async () => {
    for (const lang of ['es', 'fr'] as const) {
      await initI18n().changeLanguage(lang);
      for (const s of sixSources()) {
        const text = sayMessage(s.text);
        expect(text, `${lang} ${s.source}`).not.toBe(s.english);
        expect(text, `${lang} ${s.source}`).not.toMatch(/\{\{|hqImport\.|template\.|finalize\./);
      }
    }
  });

  it('the English is the message said in English (the command line prints the same words as before)', async () => {
    await initI18n().changeLanguage('en');
    for (const s of sixSources()) expect(sayMessage(s.text), s.source).toBe(s.english);
    expect(coreEnglish(msg('progress.appendix', { n: 3, total: 7 }))).toBe('Photo appendix 3 of 7');
    expect(itemBlockers(item, { value: { kind: 'compliance', answer: 'non_compliant' }, severity: 'critical' }, SITE, 0).map((b) => b.message)).toEqual([
      'Write a note for “Fire exits are clear” saying why it is critical, not minor as the template grades it',
      'Attach evidence for “Fire exits are clear”',
    ]);
  });

  it('says a refusal, its fields and a report step in Spanish with Spanish figures', async () => {
    await initI18n().changeLanguage('es');
    expect(sayMessage(msg('progress.appendix', { n: 3, total: 7 }))).toBe('Anexo fotográfico: 3 de 7');
    const e = refusal('rejected', msg('template.problemsListed', { count: 12345, listed: 100 }), [{ path: 'sections[0].extra', message: 'unknown field (check its spelling)', text: msg('template.unknownField') }]);
    const m = describeError(e);
    expect(m.title).toBe('La plantilla tiene 12.345 problemas (se enumeran los 100 primeros); no se ha importado nada.');
    expect(fieldMessage(m.fields[0]!)).toBe('campo desconocido (revise cómo está escrito)');
    await initI18n().changeLanguage('fr');
    expect(sayMessage(msg('finalize.blockers', { count: 1 }))).toBe('Il reste 1 élément à traiter avant de pouvoir finaliser l’audit.');
  });
});
