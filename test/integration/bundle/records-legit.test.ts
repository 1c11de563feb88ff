// The other side of checking records against the event chain: every way the
// app really changes an audit (photos captioned, annotated, deleted; notes,
// reviewed documents, corrective actions, interviews; a reopened revision;
// an incremental bundle on top of a full one) still imports.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPhotos, changeOneAnswer, makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, makeHq } from './hq';
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
import type { Hq } from '../../../electron/core/hq/context';

let root: string;
let laptop: Laptop;
let hq: Hq;
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
  saveAction(core, { ...a, status: 'in_progress' });
  saveInterview(core, { auditId: open, code: 'W-01', type: 'individual', role: 'agent', tenureBand: '', language: 'en', interviewer: 'Asha', consent: true, topics: [], findingsRaised: [], notes: 'Private.', excerpts: [] });
  const r2 = reopenAudit(core, done);
  changeOneAnswer(core, 'Changed in the reopened revision.');

  const full = join(root, 'full.fsb');
  const b = await exportBundle(core, { out: full, recipient: null });
  const r = await importBundleFile(hq, full);
  expect(r.status, r.message).toBe('imported');
  expect(r.audits).toContain(r2.id);

  markAcked(core.db, b.bundleId);
  changeOneAnswer(core, 'Changed again, after the full bundle.');
  saveNote(core, { ...note, body: 'Third draft of the note.' });
  const inc = join(root, 'inc.fsb');
  expect((await exportBundle(core, { out: inc, recipient: null })).baseBundleId).toBe(b.bundleId);
  const ri = await importBundleFile(hq, inc);
  expect(ri.status, ri.message).toBe('imported');
}, 60_000);
