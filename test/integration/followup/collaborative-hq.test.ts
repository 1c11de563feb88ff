// A collaborative action (SMETA 7.0: no fixed closing date, a progress review
// date instead) at HQ: shown as such in the audit view, and never overdue,
// in the action's own row, the audit's header and list row, the sites list,
// the dashboard or the tracker, however far past the audit HQ looks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { finalizeAudit, reopenAudit } from '../../../electron/core/store/repos/lifecycle';
import { saveAction } from '../../../electron/core/store/repos/actions';
import type { Hq } from '../../../electron/core/hq/context';
import { getHqAudit } from '../../../electron/core/hq/read/audit-detail';
import { hqAuditRow } from '../../../electron/core/hq/read/audits';
import { hqDashboard } from '../../../electron/core/hq/read/dashboard';
import { listHqSites } from '../../../electron/core/hq/read/sites';
import { trackHq } from '../../../electron/core/hq/read/tracker';

const AS_OF = '2099-01-01';
let root: string;
let laptop: Laptop;
let hq: Hq;
let auditId: string;
let collaborativeId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-collab-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  const core = laptop.core;
  const finalized = (core.db.prepare("SELECT id FROM audits WHERE status = 'finalized' AND kind = 'full'").get() as { id: string }).id;
  auditId = reopenAudit(core, finalized).id;
  const finding = core.db.prepare('SELECT id FROM findings WHERE audit_id = ? ORDER BY id LIMIT 1').get(auditId) as { id: string };
  collaborativeId = saveAction(core, {
    findingId: finding.id, action: 'Work with the client and the industry association on a living-wage benchmark', owner: 'Site director',
    dueDate: '', collaborative: true, reviewDate: '2026-12-15',
  }).id;
  // Dated actions of the same finding, the later one saved first: the finding's row must lead with the earliest date, not the undated one.
  for (const dueDate of ['2027-06-30', '2027-03-01']) saveAction(core, { findingId: finding.id, action: `Pay the wage difference by ${dueDate}`, owner: 'HR manager', dueDate });
  finalizeAudit(core, auditId);
  const file = join(root, 'collab.fsb');
  await exportBundle(core, { out: file, recipient: null, full: true });
  const r = await importBundleFile(hq, file);
  expect(r.status, r.message).toBe('imported');
}, 120_000);
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a collaborative action at HQ', () => {
  test('the audit view shows it as collaborative with its review date, and not overdue', () => {
    const a = getHqAudit(hq.db, { auditId }, { asOf: AS_OF });
    const x = a.actions.find((y) => y.id === collaborativeId)!;
    expect(x).toMatchObject({ collaborative: true, reviewDate: '2026-12-15', dueDate: '', overdue: false });
    // The other open actions of the audit are overdue by then; the header counts them and not the collaborative one.
    const dated = a.actions.filter((y) => !y.collaborative && y.status !== 'closed');
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((y) => y.overdue)).toBe(true);
    expect(a.header.overdueActions).toBe(dated.length);
    expect(a.header.openActions).toBe(dated.length + 1);
  });

  test('the list row, the sites list, the dashboard and the tracker count the same overdue actions', () => {
    const overdue = getHqAudit(hq.db, { auditId }, { asOf: AS_OF }).header.overdueActions;
    const row = hqAuditRow(hq.db, auditId, AS_OF)!;
    expect(row.overdueActions).toBe(overdue);
    const tracker = trackHq(hq.db, { filter: { kinds: ['overdue_action'], severities: ['critical', 'major', 'minor'], asOf: AS_OF }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 500 } });
    expect(tracker.rows.some((r) => r.actionId === collaborativeId)).toBe(false);
    expect(tracker.rows.filter((r) => r.auditId === auditId)).toHaveLength(overdue);
    const site = listHqSites(hq.db, { filter: {}, sort: { by: 'name', dir: 'asc' }, page: { offset: 0, limit: 50 } }, AS_OF).rows.find((s) => s.siteId === row.siteId)!;
    expect(site.overdueActions).toBe(tracker.rows.filter((r) => r.siteId === row.siteId).length);
    const dash = hqDashboard(hq.db, { filter: {}, asOf: AS_OF, top: 10 });
    expect(dash.totals.overdueActions).toBe(tracker.counts.overdue_action);
    // The finding's row in the tracker names the collaborative action among its actions, not overdue.
    const finding = trackHq(hq.db, { filter: { kinds: ['finding'], severities: ['critical', 'major', 'minor'], asOf: AS_OF }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 500 } })
      .rows.find((r) => r.actions.some((x) => x.actionId === collaborativeId))!;
    expect(finding.actions.find((x) => x.actionId === collaborativeId)).toMatchObject({ dueDate: '', status: 'open', overdue: false });
  });

  test('the finding\'s row leads with its earliest real due date; the collaborative action comes after its dated ones', () => {
    const rows = trackHq(hq.db, { filter: { kinds: ['finding'], severities: ['critical', 'major', 'minor'], asOf: AS_OF }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 500 } }).rows;
    const finding = rows.find((r) => r.actions.some((x) => x.actionId === collaborativeId))!;
    const dated = finding.actions.filter((x) => x.dueDate !== '' && x.status !== 'closed');
    expect(dated.length).toBeGreaterThan(0);
    const earliest = dated.map((x) => x.dueDate).sort()[0];
    expect(finding.actionId).not.toBe(collaborativeId);
    expect(earliest).toBe('2027-03-01');
    expect(finding.dueDate).toBe(earliest);
    expect(finding.daysOverdue).toBeGreaterThan(0);
    expect(finding.actions.at(-1)!.actionId).toBe(collaborativeId);
    // The read model and the tracker's narrow table name the same lead.
    expect(hq.db.prepare('SELECT action_id, due_date FROM hq_finding WHERE audit_id = ? AND finding_id = ?').get(auditId, finding.findingId))
      .toEqual({ action_id: finding.actionId, due_date: earliest });
    expect(hq.db.prepare("SELECT action_id, due_date FROM hq_fact WHERE audit_id = ? AND entity = 'finding' AND finding_id = ?").get(auditId, finding.findingId))
      .toEqual({ action_id: finding.actionId, due_date: earliest });
  });
});
