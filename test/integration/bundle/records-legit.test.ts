// The other side of checking records against the event chain: every way the
// app really changes an audit (photos captioned, annotated, deleted; notes,
// reviewed documents, corrective actions with their CAPR fields, interviews;
// the site and workforce profile, the auditor's credentials, consistency
// warnings acknowledged and withdrawn; a reopened revision; an incremental
// bundle on top of a full one) still imports. And the new content is held to
// its chain like the rest: a profile, an acknowledgement or a CAPR field
// changed in the record only is refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPhotos, changeOneAnswer, makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, makeHq, snapshot } from './hq';
import { editDoc, forge, readParts } from './forge';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { deletePhoto, updateCaption } from '../../../electron/core/evidence/photos';
import { annotatePhoto } from '../../../electron/core/evidence/annotate';
import { saveNote } from '../../../electron/core/store/repos/notes';
import { deleteDocument, saveDocument } from '../../../electron/core/evidence/documents';
import { saveAction } from '../../../electron/core/store/repos/actions';
import { saveInterview } from '../../../electron/core/evidence/interviews';
import { reopenAudit } from '../../../electron/core/store/repos/lifecycle';
import { listPhotos } from '../../../electron/core/evidence/photos';
import { saveAuditProfile, saveCredentials, setAcknowledgement } from '../../../electron/core/store/repos/audit-profile';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { DEMO_CREDENTIALS, DEMO_DECLARATION, DEMO_PROFILE } from '../../../electron/core/demo/profile';
import type { Hq } from '../../../electron/core/hq/context';
import type { AuditDoc } from '../../../electron/core/bundle/content';
import { uuidv7 } from '../../../shared/ids';

let root: string;
let laptop: Laptop;
let hq: Hq;
/** The full bundle of the first test, imported: the forgeries below start from it. */
let full: string;
let openId: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-legit-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
}, 60_000);
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

test('every kind of change the app makes passes the check, full and incremental', async () => {
  const core = laptop.core;
  const [open, done] = laptop.auditIds as [string, string];
  await addPhotos(core, open, 3);
  const [p1, p2, p3] = listPhotos(core, open).slice(-3);
  updateCaption(core, p1!.id, 'Fire exit, second floor');
  await annotatePhoto(core, p2!.id, [{ type: 'circle', cx: 0.5, cy: 0.5, r: 0.1, color: 'red' }]);
  await deletePhoto(core, p3!.id);
  const note = saveNote(core, { auditId: open, scope: 'audit', ref: '', body: 'First draft of the note.' });
  saveNote(core, { ...note, body: 'Second draft of the note.' });
  const doc = saveDocument(core, { auditId: open, kind: 'payroll_sample', title: 'Payroll May', notes: '', itemIds: [] });
  saveDocument(core, { ...doc, notes: 'Checked 5 agents.' });
  deleteDocument(core, saveDocument(core, { auditId: open, kind: 'payroll_sample', title: 'Wrong file', notes: '', itemIds: [] }).id);
  const finding = core.db.prepare('SELECT id FROM findings WHERE audit_id = ? LIMIT 1').get(open) as { id: string } | undefined;
  expect(finding).toBeDefined();
  const a = saveAction(core, { findingId: finding!.id, action: 'Pay the overtime owed', owner: 'HR lead', dueDate: '2026-12-31', status: 'open', verification: '' });
  // saveAction takes the form (strict): the stored action's auditId and times are not part of it.
  const { auditId: _auditId, createdAt: _createdAt, updatedAt: _updatedAt, ...form } = a;
  saveAction(core, { ...form, status: 'in_progress', rootCause: 'Overtime approved by team leads, not recorded in payroll.', timescale: '30_days', verificationMethod: 'document', siteAcceptance: 'accepted' });
  saveInterview(core, { auditId: open, code: 'W-01', type: 'individual', role: 'agent', tenureBand: '', language: 'en', interviewer: 'Asha', consent: true, topics: [], findingsRaised: [], notes: 'Private.', excerpts: [] });
  // The profile saved, then changed; credentials (the laptop's own chain); warnings acknowledged, one withdrawn.
  saveAuditProfile(core, { auditId: open, site: DEMO_PROFILE, declaration: DEMO_DECLARATION });
  saveAuditProfile(core, { auditId: open, site: { ...DEMO_PROFILE, workforce: { ...DEMO_PROFILE.workforce, headcount: 1200 } }, declaration: { ...DEMO_DECLARATION, disclaimer: 'Based on one visit.' } });
  saveCredentials(core, DEMO_CREDENTIALS);
  setAcknowledgement(core, open, 'interviews:3', true, 'Two interviews were held off site and are logged on paper.');
  setAcknowledgement(core, open, 'signature:site_rep', true, 'Signed the next morning.');
  setAcknowledgement(core, open, 'signature:site_rep', false, '');
  const r2 = reopenAudit(core, done);
  changeOneAnswer(core, 'Changed in the reopened revision.');

  full = join(root, 'full.fsb');
  openId = open;
  const b = await exportBundle(core, { out: full, recipient: null });
  const r = await importBundleFile(hq, full);
  expect(r.status, r.message).toBe('imported');
  expect(r.audits).toContain(r2.id);
  const stored = JSON.parse((hq.db.prepare('SELECT doc FROM audit_versions WHERE audit_id = ? ORDER BY event_count DESC LIMIT 1').get(open) as { doc: string }).doc) as AuditDoc;
  expect(stored.profile?.site.workforce.headcount).toBe(1200);
  expect(stored.auditorCredentials?.number).toBe(DEMO_CREDENTIALS.number);
  expect(stored.acknowledged?.map((x) => x.key)).toEqual(['interviews:3']);
  expect(stored.actions.find((x) => x.id === a.id)).toMatchObject({ rootCause: 'Overtime approved by team leads, not recorded in payroll.', siteAcceptance: 'accepted' });

  markAcked(core.db, b.bundleId);
  changeOneAnswer(core, 'Changed again, after the full bundle.');
  saveNote(core, { ...note, body: 'Third draft of the note.' });
  const inc = join(root, 'inc.fsb');
  expect((await exportBundle(core, { out: inc, recipient: null })).baseBundleId).toBe(b.bundleId);
  const ri = await importBundleFile(hq, inc);
  expect(ri.status, ri.message).toBe('imported');
}, 60_000);

describe('the new content is held to the chain', () => {
  let key: KeyObject;
  beforeAll(() => { key = loadSigningKey(laptop.core).privateKey; });

  /** The full bundle with one edit to the open audit's document, re-signed by its own (enrolled) auditor. */
  async function refused(edit: (d: AuditDoc) => void, message: RegExp): Promise<void> {
    const bytes = forge(await readParts(full), {
      signWith: key,
      files: (f) => editDoc(f, openId, edit),
      manifest: (m) => { m.bundleId = uuidv7(); },
    });
    const dir = join(root, `forged-${uuidv7()}`);
    mkdirSync(dir);
    const file = join(dir, 'bundle.fsb');
    writeFileSync(file, bytes);
    const before = snapshot(hq.paths.dir);
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('rejected');
    expect(r.reason, r.message).toBe('records_mismatch');
    expect(r.message).toMatch(message);
    expect(snapshot(hq.paths.dir)).toEqual(before);
    expect(readdirSync(hq.paths.staging)).toEqual([]);
  }

  test('a workforce count changed in the profile is refused', async () => {
    await refused((d) => { d.profile!.site.workforce.young = 12; }, /site and workforce profile differs/);
  });
  test('a declaration changed in the profile is refused', async () => {
    await refused((d) => { d.profile!.declaration.limitations = 'None.'; }, /site and workforce profile differs/);
  });
  test('a profile left out of the record is refused', async () => {
    await refused((d) => { d.profile = null; }, /profile is in its event chain but missing/);
  });
  test('a reason changed on an acknowledged warning is refused', async () => {
    await refused((d) => { d.acknowledged![0]!.note = 'Nothing to see.'; }, /reason given for the consistency warning interviews:3 differs/);
  });
  test('a warning acknowledged in the record only is refused', async () => {
    await refused((d) => { d.acknowledged!.push({ key: 'photo:forged', note: 'Fine.', acknowledgedAt: d.audit.updatedAt }); }, /photo:forged is acknowledged, but its event chain has no such acknowledgement/);
  });
  test('a withdrawn acknowledgement put back is refused', async () => {
    await refused((d) => { d.acknowledged!.push({ key: 'signature:site_rep', note: 'Signed the next morning.', acknowledgedAt: d.audit.updatedAt }); }, /signature:site_rep is acknowledged, but its event chain/);
  });
  test('an acknowledgement left out of the record is refused', async () => {
    await refused((d) => { d.acknowledged = []; }, /interviews:3 is acknowledged in its event chain but missing/);
  });
  test('a CAPR field changed on a corrective action is refused', async () => {
    await refused((d) => { d.actions.find((x) => x.rootCause)!.siteAcceptance = 'disputed'; }, /action .* differs from what its event chain recorded/);
  });
});
