// The revision diff on real revisions: the auditor reopens a finalized
// audit after the closing meeting, lowers one finding's severity, answers
// another item compliant (its finding goes), edits a note and finalizes
// again; HQ shows exactly that, and calls the report weakened.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { finalizeAudit, reopenAudit } from '../../../electron/core/store/repos/lifecycle';
import { saveResponse } from '../../../electron/core/store/repos/responses';
import { saveNote } from '../../../electron/core/store/repos/notes';
import { diffVersions } from '../../../electron/core/hq/read/diff';
import { listHqAudits } from '../../../electron/core/hq/read/audits';
import { getHqAudit } from '../../../electron/core/hq/read/audit-detail';
import type { Hq } from '../../../electron/core/hq/context';
import type { Response } from '../../../shared/domain/response';

let root: string;
let laptop: Laptop;
let hq: Hq;
let rev1: string;
let rev2: string;
let softened: string;
let removed: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqdiff-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  rev1 = laptop.auditIds[1]!;
  const core = laptop.core;
  const first = join(root, 'r1.fsb');
  await exportBundle(core, { out: first, recipient: null });
  expect((await importBundleFile(hq, first)).status).toBe('imported');

  rev2 = reopenAudit(core, rev1).id;
  const findings = core.db.prepare("SELECT item_id, severity FROM findings WHERE audit_id = ? AND source = 'answer' ORDER BY item_id").all(rev2) as Array<{ item_id: string; severity: string }>;
  const hard = findings.find((f) => f.severity === 'critical' || f.severity === 'major')!;
  const other = findings.find((f) => f.item_id !== hard.item_id)!;
  softened = hard.item_id;
  removed = other.item_id;
  const response = (itemId: string) => {
    const r = core.db.prepare('SELECT value, note FROM responses WHERE audit_id = ? AND item_id = ?').get(rev2, itemId) as { value: string; note: string };
    return { value: JSON.parse(r.value) as Response['value'], note: r.note };
  };
  const h = response(softened);
  saveResponse(core, { auditId: rev2, itemId: softened, value: h.value, note: `${h.note} Lowered after the closing meeting.`, severity: hard.severity === 'critical' ? 'major' : 'minor', zeroTolerance: false });
  saveResponse(core, { auditId: rev2, itemId: removed, value: { kind: 'compliance', answer: 'compliant' }, note: 'Management showed a new policy.', severity: null, zeroTolerance: false });
  saveNote(core, { auditId: rev2, scope: 'audit', ref: '', body: 'Revised after the closing meeting at the site director\'s request.' });
  finalizeAudit(core, rev2);
  const second = join(root, 'r2.fsb');
  await exportBundle(core, { out: second, recipient: null, full: true });
  const r = await importBundleFile(hq, second);
  expect(r.status, r.message).toBe('imported');
}, 120_000);
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('hq.diff', () => {
  test('a softened severity and a removed finding are shown, and the later revision is called weakened', () => {
    const d = diffVersions(hq.db, { auditId: rev1 }, { auditId: rev2 });
    expect(d.from).toMatchObject({ auditId: rev1, revision: 1, status: 'finalized' });
    expect(d.to).toMatchObject({ auditId: rev2, revision: 2, status: 'finalized' });
    expect(d.weakened).toBe(true);
    const sev = d.severities.find((s) => s.itemId === softened)!;
    expect(sev.softened).toBe(true);
    expect(['critical', 'major']).toContain(sev.before);
    expect(d.findings.find((f) => f.itemId === softened)).toMatchObject({ change: 'softened' });
    expect(d.findings.find((f) => f.itemId === removed)).toMatchObject({ change: 'removed', severityAfter: null, summaryAfter: null });
    const ans = d.answers.find((a) => a.itemId === removed)!;
    expect(ans).toMatchObject({ change: 'changed', after: { kind: 'compliance', answer: 'compliant' } });
    expect(ans.prompt).toBeTruthy();
    expect(d.notes).toEqual([expect.objectContaining({ scope: 'audit', change: 'changed' })]);
    expect(d.notes[0]!.after).toContain('Revised after the closing meeting');
    // Nothing else changed: every other answer is the same.
    expect(d.answers.map((a) => a.itemId).sort()).toEqual([removed, softened].sort());
  });

  test('the same diff the other way round reads as findings added and a severity raised: not weakened', () => {
    const d = diffVersions(hq.db, { auditId: rev2 }, { auditId: rev1 });
    expect(d.weakened).toBe(false);
    expect(d.findings.find((f) => f.itemId === removed)!.change).toBe('added');
    expect(d.findings.find((f) => f.itemId === softened)!.change).toBe('hardened');
  });

  test('revision 1 steps aside in the lists; both revisions are listed on the audit', () => {
    const rows = listHqAudits(hq.db, { filter: { includeSuperseded: false }, sort: { by: 'startDate', dir: 'asc' }, page: { offset: 0, limit: 50 } }).rows;
    expect(rows.map((r) => r.auditId)).toContain(rev2);
    expect(rows.map((r) => r.auditId)).not.toContain(rev1);
    const detail = getHqAudit(hq.db, { auditId: rev2 });
    expect(detail.revisions.map((r) => [r.auditId, r.revision])).toEqual([[rev1, 1], [rev2, 2]]);
    expect(hq.db.prepare('SELECT superseded FROM hq_audit WHERE audit_id = ?').get(rev1)).toEqual({ superseded: 1 });
  });

  test('two audits that are not revisions of one another are refused plainly', () => {
    expect(() => diffVersions(hq.db, { auditId: rev2 }, { auditId: laptop.auditIds[0]! })).toThrow(/not revisions of the same audit/);
  });
});
