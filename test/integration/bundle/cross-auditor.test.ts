// Hostile bundles from enrolled auditors: one auditor claiming another's
// audits or name, records that disagree with their own event chain, and
// report PDFs that are unsigned, signed by someone else, or for another
// audit. Each is refused with its reason and leaves HQ byte-for-byte as it was.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, type KeyObject } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, makeHq, snapshot } from './hq';
import { claimKey, editDoc, forge, readParts, type Parts } from './forge';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile, type ImportResult } from '../../../electron/core/hq/import';
import { hqStatus } from '../../../electron/core/hq/service';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { exportReport } from '../../../electron/core/report/export';
import { loadReportData } from '../../../electron/core/report/load';
import { renderReport } from '../../../electron/core/report/render';
import { fillSignature } from '../../../electron/core/report/sign/sign';
import { generateIdentity, type SigningIdentity } from '../../../electron/core/report/sign/certificate';
import { signingIdentity } from '../../../electron/core/report/sign/identity-store';
import { eventHash } from '../../../electron/core/store/events';
import { eventFromBundle, type AuditDoc } from '../../../electron/core/bundle/content';
import type { Core } from '../../../electron/core/core';
import type { Hq } from '../../../electron/core/hq/context';
import { uuidv7 } from '../../../shared/ids';
import { main } from '../../../electron/cli/main';
import { coreEnglish } from '../../../shared/core-messages';
import { initI18n } from '../../../renderer/src/i18n';
import { sayMessage } from '../../../renderer/src/i18n/messages';

let root: string;
let a: Laptop;
let b: Laptop;
let hq: Hq;
let keyA: KeyObject;
let keyB: KeyObject;
let partsB: Parts;
let partsA: Parts;
let openB: string;
let doneB: string;
let doneA: string;
const sha = (x: Buffer) => createHash('sha256').update(x).digest('hex');

/** A report of `auditId` laid out and signed like exportReport does, with any identity and reason. */
async function signedReport(core: Core, auditId: string, identity: SigningIdentity | null, reason?: string): Promise<Buffer> {
  const data = loadReportData(core, auditId);
  const signingTime = new Date();
  const meta = {
    name: data.auditor.name, location: data.site.name, contactInfo: data.auditor.email, signingTime,
    reason: reason ?? `Ethical compliance audit report, audit ${data.audit.id} revision ${data.audit.revision}, content hash ${data.audit.contentHash}`,
  };
  const rendered = await renderReport(data, { draft: !identity, signature: identity ? meta : undefined });
  return identity ? fillSignature(rendered.pdf, identity, signingTime) : rendered.pdf;
}

/** B's bundle with its report of the finalized audit replaced by `pdf`. */
function withReport(pdf: Buffer, extra: { signWith?: KeyObject; bundleId?: string } = {}): Buffer {
  return forge(partsB, {
    signWith: extra.signWith ?? keyB,
    files: (f) => {
      const old = [...f.keys()].find((n) => n.startsWith('reports/'))!;
      f.delete(old);
      f.set(`reports/${sha(pdf)}.pdf`, pdf);
      editDoc(f, doneB, (d) => { d.reports = [{ sha256: sha(pdf), size: pdf.length, name: d.reports[0]!.name }]; });
    },
    manifest: (m) => { m.bundleId = extra.bundleId ?? uuidv7(); },
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-cross-'));
  a = await makeLaptop('Asha Rao', 'AUD-A', root);
  b = await makeLaptop('Bea Cruz', 'AUD-B', root);
  [openB, doneB] = b.auditIds as [string, string];
  doneA = a.auditIds[1]!;
  keyA = loadSigningKey(a.core).privateKey;
  keyB = loadSigningKey(b.core).privateKey;
  hq = await makeHq(root);
  enrolLaptop(hq, a.core);
  enrolLaptop(hq, b.core);
  // B signs the report of its finalized audit; the bundle carries it.
  await exportReport(b.core, { auditId: doneB, draft: false });
  await exportReport(a.core, { auditId: doneA, draft: false });
  const outB = join(root, 'b.fsb');
  const outA = join(root, 'a.fsb');
  await exportBundle(b.core, { out: outB, recipient: null });
  await exportBundle(a.core, { out: outA, recipient: null });
  partsB = await readParts(outB);
  partsA = await readParts(outA);
  expect([...partsB.files.keys()].some((n) => n.startsWith('reports/'))).toBe(true);
  const r = await importBundleFile(hq, outB);
  expect(r.status, r.message).toBe('imported');
}, 60_000);
afterAll(() => {
  hq.close();
  a.core.close();
  b.core.close();
  rmSync(root, { recursive: true, force: true });
});

async function refused(bytes: Buffer, reason: string, message?: RegExp): Promise<ImportResult> {
  const dir = mkdtempSync(join(root, 'case-'));
  const file = join(dir, 'bundle.fsb');
  writeFileSync(file, bytes);
  const before = snapshot(hq.paths.dir);
  const r = await importBundleFile(hq, file);
  expect(r.status, r.message).toBe('rejected');
  expect(r.reason, r.message).toBe(reason);
  if (message) expect(r.message).toMatch(message);
  expect(snapshot(hq.paths.dir)).toEqual(before);
  expect(readdirSync(hq.paths.staging)).toEqual([]);
  // The detail is a message: the receipts' English is it said in English, the inbox says it in its language.
  expect(coreEnglish(r.text!), r.message).toBe(r.message);
  return r;
}

describe('cross-auditor claims', () => {
  test("A re-signing B's events with altered records and a chosen bundle id is refused", async () => {
    const bytes = forge(partsB, {
      signWith: keyA,
      files: (f) => {
        editDoc(f, doneB, (d) => { d.site.name = 'Renamed by A'; d.findings[0]!.summary = 'Nothing serious.'; });
      },
      manifest: (m) => { m.bundleId = '00000000-0000-7000-8000-000000000001'; claimKey(m, keyA); },
    });
    await refused(bytes, 'foreign_audit', /belongs to Bea Cruz \(AUD-B\).*signed by Asha Rao \(AUD-A\).*hq handover/s);
  });

  test("A fabricating a longer chain for B's audit is refused, and B's version stays current", async () => {
    const head = (hq.db.prepare('SELECT current_head FROM audits WHERE audit_id = ?').get(openB) as { current_head: string }).current_head;
    let newHead = '';
    const bytes = forge(partsB, {
      signWith: keyA,
      files: (f) => editDoc(f, openB, (d: AuditDoc) => {
        const last = d.events.items.at(-1)!;
        const note = { id: uuidv7(), auditId: openB, scope: 'audit', ref: '', body: 'Added by A.', createdAt: last.at, updatedAt: last.at };
        const e = { seq: last.seq + 1, id: uuidv7(), at: last.at, actor: 'Asha Rao', entity: 'note', entityId: note.id, action: 'create', old: null, new: JSON.stringify(note), prevHash: last.hash, hash: '' };
        e.hash = eventHash(eventFromBundle(openB, e));
        d.events.items.push(e);
        (d.notes as unknown[]).push(note);
        newHead = e.hash;
      }),
      manifest: (m) => {
        m.bundleId = uuidv7();
        claimKey(m, keyA);
        const entry = (m.audits as Array<{ id: string; headHash: string; eventCount: number }>).find((x) => x.id === openB)!;
        entry.headHash = newHead;
        entry.eventCount += 1;
      },
    });
    await refused(bytes, 'foreign_audit');
    expect((hq.db.prepare('SELECT current_head FROM audits WHERE audit_id = ?').get(openB) as { current_head: string }).current_head).toBe(head);
  });

  test("A's key with auditor.id AUD-B in the manifest is listed as A, from A's enrolment", async () => {
    const file = join(root, 'a-claims-b.fsb');
    writeFileSync(file, forge(partsA, {
      signWith: keyA,
      manifest: (m) => { m.bundleId = uuidv7(); m.auditor = { ...(m.auditor as object), id: 'AUD-B', name: 'Bea Cruz' }; },
    }));
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect(r.auditorId).toBe('AUD-A');
    expect(r.message).toMatch(/Asha Rao \(AUD-A\)/);
    const listed = (await hqStatus(hq)).audits.filter((x) => a.auditIds.includes(x.auditId));
    expect(listed.map((x) => x.auditorId)).toEqual(['AUD-A', 'AUD-A']);
    const row = hq.db.prepare('SELECT auditor_id FROM bundles WHERE content_hash = ?').get(sha(readFileSync(file))) as { auditor_id: string };
    expect(row.auditor_id).toBe('AUD-A');
  });
});

describe('records that disagree with their event chain', () => {
  test('the owner editing a finding summary in the record, not through the trail, is refused', async () => {
    await refused(forge(partsB, {
      signWith: keyB,
      files: (f) => editDoc(f, doneB, (d) => { d.findings[0]!.summary = 'Edited after the visit.'; }),
      manifest: (m) => { m.bundleId = uuidv7(); },
    }), 'records_mismatch', /finding .* differs from what its event chain recorded/);
  });

  test('a record with no history in the chain is refused', async () => {
    await refused(forge(partsB, {
      signWith: keyB,
      files: (f) => editDoc(f, openB, (d) => {
        (d.notes as unknown[]).push({ id: uuidv7(), auditId: openB, scope: 'audit', ref: '', body: 'Slipped in.', createdAt: d.audit.createdAt, updatedAt: d.audit.createdAt });
      }),
      manifest: (m) => { m.bundleId = uuidv7(); },
    }), 'records_mismatch', /no history/);
  });

  test('a finalize content hash other than the one the chain sealed is refused', async () => {
    await refused(forge(partsB, {
      signWith: keyB,
      files: (f) => editDoc(f, doneB, (d) => { d.audit.contentHash = 'f'.repeat(64); }),
      manifest: (m) => { m.bundleId = uuidv7(); },
    }), 'records_mismatch', /content hash/);
  });
});

describe("the detail of a refused bundle, in the HQ clerk's language", () => {
  test('an audit claimed by another key and a record edited outside the trail are said in Spanish and French, not in English', async () => {
    const claimed = await refused(forge(partsB, {
      signWith: keyA,
      manifest: (m) => { m.bundleId = uuidv7(); claimKey(m, keyA); },
    }), 'foreign_audit', /belongs to Bea Cruz \(AUD-B\)/);
    const edited = await refused(forge(partsB, {
      signWith: keyB,
      files: (f) => editDoc(f, doneB, (d) => { d.findings[0]!.summary = 'Edited after the visit.'; }),
      manifest: (m) => { m.bundleId = uuidv7(); },
    }), 'records_mismatch', /finding .* differs from what its event chain recorded/);
    try {
      await initI18n().changeLanguage('es');
      expect(sayMessage(claimed.text!)).toMatch(/^La auditoría \S+ pertenece a Bea Cruz \(AUD-B\), clave [0-9a-f ]+…, pero este paquete lo firma Asha Rao \(AUD-A\), clave [0-9a-f ]+…\. Un paquete solo puede llevar auditorías de quien lo firma;/);
      expect(sayMessage(edited.text!)).toMatch(/^Auditoría \S+: el registro \S+ \(hallazgo\) difiere de lo que registró su cadena de eventos\. El registro de la auditoría se modificó fuera de la pista de auditoría; el paquete se rechazó\.$/);
      await initI18n().changeLanguage('fr');
      expect(sayMessage(edited.text!)).toMatch(/^Audit \S+ : l’enregistrement \S+ \(constat\) diffère de ce que sa chaîne d’événements a enregistré\./);
    } finally {
      await initI18n().changeLanguage('en');
    }
  });
});

describe('report PDFs', () => {
  test('an unsigned PDF is refused', async () => {
    await refused(withReport(await signedReport(b.core, doneB, null)), 'bad_report', /not signed/);
  });

  test("a PDF signed with A's report certificate is refused in B's bundle", async () => {
    const pdf = await signedReport(b.core, doneB, signingIdentity(a.core));
    await refused(withReport(pdf), 'bad_report', /another auditor's key/);
  });

  test('a PDF signed by a certificate no auditor key vouches for is refused', async () => {
    const stranger = generateIdentity({ name: 'Bea Cruz', organisation: 'Fairsite QA', email: 'qa@example.org' });
    await refused(withReport(await signedReport(b.core, doneB, stranger)), 'bad_report', /not vouched for/);
  });

  test("a PDF validly signed by B that seals another content hash is refused", async () => {
    const data = loadReportData(b.core, doneB);
    const reason = `Ethical compliance audit report, audit ${doneB} revision ${data.audit.revision}, content hash ${'a'.repeat(64)}`;
    await refused(withReport(await signedReport(b.core, doneB, signingIdentity(b.core), reason)), 'bad_report', /finalize content hash/);
  });

  test("a PDF validly signed by B for another of B's audits is refused for this one", async () => {
    const reason = `Ethical compliance audit report, audit ${openB} revision 1, content hash ${'b'.repeat(64)}`;
    await refused(withReport(await signedReport(b.core, doneB, signingIdentity(b.core), reason)), 'bad_report', /seals audit/);
  });

  test('a signed PDF changed after signing is refused', async () => {
    const pdf = await signedReport(b.core, doneB, signingIdentity(b.core));
    const at = pdf.indexOf('Ethical compliance audit report');
    pdf[at] = pdf[at]! ^ 1;
    await refused(withReport(pdf), 'bad_report', /changed after signing/);
  });
});

describe('hand-over between auditors is an explicit HQ action', () => {
  const fpOf = (core: Core) => loadSigningKey(core).fingerprint.replace(/ /g, '');
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} as NodeJS.ProcessEnv });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  /** B's chain of the open audit extended by one event, as the receiving laptop would, signed by `key`. */
  function extended(key: KeyObject): Buffer {
    let newHead = '';
    return forge(partsB, {
      signWith: key,
      files: (f) => {
        for (const n of [...f.keys()]) if (n.startsWith('audits/') && n !== `audits/${openB}.json` || n.startsWith('reports/')) f.delete(n);
        editDoc(f, openB, (d) => {
          const last = d.events.items.at(-1)!;
          const note = { id: uuidv7(), auditId: openB, scope: 'audit', ref: '', body: 'Continued after the hand-over.', createdAt: last.at, updatedAt: last.at };
          const e = { seq: last.seq + 1, id: uuidv7(), at: last.at, actor: 'Asha Rao', entity: 'note', entityId: note.id, action: 'create', old: null, new: JSON.stringify(note), prevHash: last.hash, hash: '' };
          e.hash = eventHash(eventFromBundle(openB, e));
          d.events.items.push(e);
          (d.notes as unknown[]).push(note);
          newHead = e.hash;
        });
      },
      manifest: (m) => {
        m.bundleId = uuidv7();
        claimKey(m, key);
        m.audits = (m.audits as Array<{ id: string; headHash: string; eventCount: number }>).filter((x) => x.id === openB).map((x) => ({ ...x, headHash: newHead, eventCount: x.eventCount + 1 }));
      },
    });
  }

  test('fairsite hq handover moves the audit to A: then A may extend it and B may not', async () => {
    await refused(extended(keyA), 'foreign_audit');
    const unknown = await cli('hq', 'handover', '--data', hq.paths.dir, '--audit', openB, '--to', 'ab'.repeat(32), '--reason', 'B left');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No enrolled key has that fingerprint/);
    const h = await cli('hq', 'handover', '--data', hq.paths.dir, '--audit', openB, '--to', fpOf(a.core), '--reason', 'Bea Cruz moved to another region');
    expect(h.code, h.err).toBe(0);
    expect(h.out).toMatch(new RegExp(`Audit ${openB} handed over from key ${fpOf(b.core).slice(0, 16)}… to key ${fpOf(a.core).slice(0, 16)}…`));
    const file = join(root, 'after-handover.fsb');
    writeFileSync(file, extended(keyA));
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect((await hqStatus(hq)).audits.find((x) => x.auditId === openB)).toMatchObject({ auditorId: 'AUD-A', conflict: false });
    await refused(extended(keyB), 'foreign_audit', /belongs to Asha Rao \(AUD-A\)/);
    expect(hq.db.prepare('SELECT audit_id, reason FROM handovers').all()).toEqual([{ audit_id: openB, reason: 'Bea Cruz moved to another region' }]);
  });
});
