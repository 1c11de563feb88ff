// The core's own sentences (refusals, report steps, HQ import results,
// template problems) travel as messages: every key the core can emit has
// English, Spanish and French text with the same placeholders, and the UI
// says each source's message in Spanish and French, never in English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
import { AppError } from '../../../../shared/errors';
import { AUDIT_LOCKED } from '../../../../electron/core/store/repos/audits';
import { parsePublicKey } from '../../../../electron/core/hq/enrol';
import { JobRegistry } from '../../../../electron/core/jobs';
import { unreachable } from '../../../../electron/core/hq/engine/pg-sql';
import { checkPgUrl } from '../../../../electron/core/hq/engine/db-setting';
import { BundleRejected, reject } from '../../../../electron/core/bundle/rejection';
import { contract } from '../../../../shared/contract';
import { ReportCheckFailed, verifySignedReport } from '../../../../electron/core/report/sign/verify-pdf';

const root = join(__dirname, '../../../..');
/** Every file that writes a core message (msg('key', …), or a key handed on as a string). */
const FILES = [
  'shared/scoring.ts', 'shared/template/schema.ts', 'shared/template/translations.ts', 'shared/template/validate.ts',
  'electron/core/report/consistency-load.ts', 'electron/core/store/repos/lifecycle.ts', 'electron/core/followup/audits.ts',
  'electron/core/report/render.ts', 'electron/core/report/export.ts', 'electron/core/store/repos/templates.ts',
  'electron/core/hqconfig/import.ts', 'electron/core/hqconfig/fetch.ts', 'electron/core/hqconfig/publish.ts',
  'electron/core/hq/import.ts', 'electron/core/hq/import-files.ts', 'electron/core/hq/import-texts.ts',
  'electron/core/hq/inbox/service.ts', 'electron/core/hq/inbox/watch.ts', 'shared/core-messages.ts',
  // Refusals a screen can show: the store lock, reopening, jobs, enrolment, HQ's PostgreSQL database and its setting.
  'electron/core/store/repos/audits.ts', 'electron/core/jobs.ts', 'shared/contract/jobs.ts', 'electron/handlers/core-handlers.ts',
  'electron/core/hq/enrol.ts', 'electron/core/hq/engine/pg-sql.ts', 'electron/core/hq/engine/pg-migrate.ts', 'electron/core/hq/engine/pg-store.ts',
  'electron/core/hq/engine/db-setting.ts', 'electron/handlers/hq-database-handlers.ts',
  // A bundle's verification details, and what the JSON scanner found in a template.
  'electron/core/bundle/verify.ts', 'electron/core/bundle/zip-reader.ts', 'electron/core/bundle/entry-names.ts', 'electron/core/bundle/manifest.ts',
  'electron/core/bundle/content.ts', 'electron/core/bundle/action-docs.ts', 'shared/json-scan.ts',
  'electron/core/install-role.ts', 'electron/core/evidence/heic-worker.ts', 'electron/core/evidence/receive.ts', 'electron/core/bundle/zip-writer.ts', 'electron/handlers/storage-errors.ts', 'electron/core/store/integrity.ts', 'electron/handlers/hq-read-handlers.ts', 'electron/handlers/hq-admin-handlers.ts',
  // Refusals of follow-ups, actions, answers, evidence, sign-offs, certificates, keys, sync, laptop bundles, the demo and reports.
  'electron/core/bundle/export.ts', 'electron/core/demo/create.ts', 'electron/core/evidence/annotate.ts', 'electron/core/evidence/documents.ts',
  'electron/core/evidence/interviews.ts', 'electron/core/evidence/photo-rows.ts', 'electron/core/evidence/photos.ts',
  'electron/core/evidence/uploads.ts', 'electron/core/followup/audits.ts', 'electron/core/followup/tracks.ts', 'electron/core/keys/secret-box.ts',
  'electron/core/keys/signing-key.ts', 'electron/core/keys/vault.ts', 'electron/core/report/export.ts', 'electron/core/report/sign/certificate.ts',
  'electron/core/report/sign/identity-store.ts', 'electron/core/report/signoffs.ts', 'electron/core/store/repos/actions.ts',
  'electron/core/store/repos/audit-profile.ts', 'electron/core/store/repos/notes.ts', 'electron/core/store/repos/responses.ts',
  'electron/core/store/repos/sites.ts', 'electron/core/sync/endpoint.ts', 'electron/core/sync/outbox.ts', 'electron/core/sync/settings.ts',
  'electron/handlers/audit-profile-handlers.ts', 'electron/handlers/dialog-handlers.ts', 'electron/handlers/hq-config-handlers.ts',
  'electron/handlers/keys-handlers.ts', 'electron/handlers/outbox-handlers.ts', 'electron/handlers/report-handlers.ts',
  // A passphrase too weak, a photo that cannot be stored, HQ's reads, hand-overs and exports, HQ's checks of a bundle against what it holds.
  'shared/passphrase.ts', 'electron/core/evidence/decode.ts', 'electron/core/evidence/ingest.ts',
  'electron/core/hq/read/files.ts', 'electron/core/hq/read/diff.ts', 'electron/core/hq/read/version.ts', 'electron/core/hq/read/audit-detail.ts',
  'electron/core/hq/read/labels.ts', 'electron/core/hq/read/export.ts', 'electron/core/hq/read/filter-values.ts', 'electron/core/hq/owners.ts',
  'electron/core/hq/actions-import.ts', 'electron/core/hq/closure-files.ts', 'electron/core/hq/records-check.ts', 'electron/core/hq/report-check.ts',
  'electron/core/report/sign/verify-pdf.ts',
];
/** Strings in those files that look like keys but are not messages (settings', files' and operations' names; the report's own texts). */
const NOT_MESSAGES = new Set(['hqConfig.signer', 'hqConfig.applied', 'hqConfig.publish', 'bundle.zip', 'report.title', 'report.titleDraft', 'sync.endpoint', 'sync.hqRecipient', 'install.role', ...Object.keys(contract)]);
const PREFIXES = /^(core|finalize|followup|blocker|severity|progress|hqConfig|hqImport|hqInbox|template|audit|job|enrol|pg|bundle|json|action|finding|note|site|profile|response|problem|evidence|document|interview|photo|upload|signoff|cert|report|key|sync|bundleOut|demo|storage|hqRead|install|file|trackStatus|save|handover|hqExport|hqCheck|reportCheck|picker)\./;
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

describe('refusals a screen can show: said in Spanish and French, the password in no parameter', () => {
  const SECRET = 's3cr3t-Pw';
  const URL_WITH = `postgres://hq:${SECRET}@db.example:5432/fairsite`;
  /** Each refusal as the core makes it, with the English it prints on the command line. */
  function refusals(): Array<{ what: string; error: AppError }> {
    const caught = (fn: () => unknown): AppError => {
      try {
        fn();
      } catch (e) {
        if (e instanceof AppError) return e;
        throw e;
      }
      throw new Error('nothing was refused');
    };
    const tpl = validateTemplate('{\n  "schema": "fairsite.template/1",\n  "key": "x"\n  "version": "1.0.0"\n}');
    if (tpl.ok) throw new Error('the broken template was accepted');
    return [
      { what: 'store lock', error: AUDIT_LOCKED() },
      { what: 'enrolment', error: caught(() => parsePublicKey('not a key')) },
      { what: 'job', error: caught(() => new JobRegistry().get('nope')) },
      { what: 'pg refused user', error: unreachable(URL_WITH, Object.assign(new Error('password authentication failed'), { code: '28P01' })) },
      { what: 'pg unreachable', error: unreachable(URL_WITH, new Error(`connect ECONNREFUSED (tried ${URL_WITH})`)) },
      { what: 'pg setting', error: caught(() => checkPgUrl(`mysql://hq:${SECRET}@db.example/fairsite`)) },
      { what: 'bundle detail', error: new BundleRejected('hash_mismatch', msg('bundle.hashDiffers', { file: 'photos/ab12.jpg' })) },
      { what: 'template position', error: refusal('rejected', msg('template.problems', { count: 1 }), tpl.errors) },
    ];
  }

  it('each carries its sentence as a message whose English is the error\'s message', () => {
    for (const r of refusals()) {
      expect(r.error.text, r.what).toBeDefined();
      expect(coreEnglish(r.error.text!), r.what).toBe(r.error.message);
    }
    expect(AUDIT_LOCKED().message).toBe('This audit is finalized and read-only. Reopen it to make a new revision.');
  });

  it('never puts the PostgreSQL password in a parameter, the English or a field', () => {
    for (const r of refusals()) expect(JSON.stringify({ ...r.error.toData(), details: undefined }), r.what).not.toContain(SECRET);
  });

  it('says each in Spanish and French, the template position too', async () => {
    for (const lang of ['es', 'fr'] as const) {
      await initI18n().changeLanguage(lang);
      for (const r of refusals()) {
        const m = describeError(r.error);
        expect(m.title, `${lang} ${r.what}`).not.toBe(r.error.message);
        expect(m.title, `${lang} ${r.what}`).not.toMatch(/\{\{|\b(audit|job|enrol|pg|bundle|json|template)\.[a-z]/i);
        for (const f of m.fields) expect(f.message, `${lang} ${r.what}`).not.toBe(r.error.fields!.find((g) => g.path === f.path)?.message ?? '');
      }
    }
    await initI18n().changeLanguage('es');
    const tpl = describeError(refusals().at(-1)!.error);
    expect(tpl.fields[0]).toMatchObject({ path: 'línea 4, columna 3', message: 'error de sintaxis JSON: se esperaba \',\' o \'}\', pero se encontró "\\""' });
    expect(describeError(refusals()[0]!.error).title).toBe('Esta auditoría está finalizada y es de solo lectura. Reábrala para crear una nueva revisión.');
    await initI18n().changeLanguage('fr');
    expect(describeError(refusals()[3]!.error).title).toContain('a refusé l’utilisateur « hq »');
  });
});

describe("a bundle's refusal says what was wrong by a message, never in plain English", () => {
  it('takes only a message: a plain string does not typecheck (tsc fails on the unused @ts-expect-error if it ever does)', () => {
    // Never called: the check is the typecheck of these two lines.
    const plain = () => {
      // @ts-expect-error the detail of a refused bundle is a message
      reject('bad_content', 'Audit x: an English sentence.');
      // @ts-expect-error the detail of a refused bundle is a message
      return new BundleRejected('bad_content', 'Audit x: an English sentence.', msg('bundle.unreadable'));
    };
    expect(typeof plain).toBe('function');
    const e = new BundleRejected('records_mismatch', msg('hqCheck.records', { audit: 'A1', what: msg('hqCheck.neverCreated') }));
    expect(e.message).toBe('Audit A1: its event chain never created it. The audit record was changed outside the audit trail; the bundle was refused.');
    expect(e.text.key).toBe('hqCheck.records');
  });

  it('no source refuses a bundle with a string literal or a template (casts included)', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const n of readdirSync(join(root, d))) {
        const p = `${d}/${n}`;
        if (statSync(join(root, p)).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk('electron');
    const plain = /\b(reject|BundleRejected)\(\s*'[a-z_]+',\s*['"`]/;
    const found = files.filter((f) => plain.test(source(f)));
    expect(files.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it("a report's signature refused: the reason inside the sentence is said in the UI language too", async () => {
    let failed: ReportCheckFailed | null = null;
    try {
      verifySignedReport(Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'));
    } catch (e) {
      if (e instanceof ReportCheckFailed) failed = e;
    }
    expect(failed?.message).toBe('it is not signed');
    const e = new BundleRejected('bad_report', msg('hqCheck.reportRefused', { report: 'report.pdf', audit: 'A1', error: failed!.text }));
    expect(e.message).toMatch(/^Report report\.pdf of audit A1 was refused: it is not signed\. If it was signed before/);
    await initI18n().changeLanguage('es');
    expect(describeError(e).title).toMatch(/^El informe report\.pdf de la auditoría A1 se rechazó: no está firmado\. Si se firmó antes/);
    await initI18n().changeLanguage('fr');
    expect(describeError(e).title).toMatch(/^Le rapport report\.pdf de l’audit A1 a été refusé : il n’est pas signé\./);
  });

  it('a refused HQ-side check is said in Spanish and French under its reason', async () => {
    const e = new BundleRejected('foreign_audit', msg('hqCheck.foreignAudit', {
      audit: 'A1', owner: msg('hqCheck.auditorKey', { name: 'Bea Cruz', auditor: 'AUD-B', key: 'abcd ef01 2345 6789' }), signer: msg('hqCheck.key', { key: '9876 5432 10fe dcba' }),
    }));
    await initI18n().changeLanguage('es');
    expect(describeError(e).title).toBe('La auditoría A1 pertenece a Bea Cruz (AUD-B), clave abcd ef01 2345 6789…, pero este paquete lo firma la clave 9876 5432 10fe dcba…. Un paquete solo puede llevar auditorías de quien lo firma; si la auditoría pasó de verdad a este auditor, traspásela primero en la sede (fairsite hq handover).');
    await initI18n().changeLanguage('fr');
    expect(describeError(e).title).toMatch(/^L’audit A1 appartient à Bea Cruz \(AUD-B\), clé abcd ef01 2345 6789…, mais ce paquet est signé par la clé 9876/);
  });
});
