// Corrective actions after finalize and follow-up audits on their way to HQ:
// the bundle carries the action chain (incremental like the audit's own), HQ
// verifies it link by link before writing anything, records each action's
// status history and the evidence of closure, links a follow-up to the audit
// it follows, and does nothing twice. The finalized audit's content hash
// never moves, on the laptop or at HQ.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq, snapshot } from '../bundle/hq';
import { forge, readParts } from '../bundle/forge';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { getOutboxItem, markAcked } from '../../../electron/core/sync/outbox-store';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { auditContentHash } from '../../../electron/core/store/repos/lifecycle';
import { chainHead } from '../../../electron/core/store/events';
import { addClosureEvidence, listTracks, updateTrack } from '../../../electron/core/followup/tracks';
import { finalizeFollowUp, startFollowUp, verifyFinding, followUpView } from '../../../electron/core/followup/audits';
import { actionEventHash } from '../../../electron/core/followup/chain';
import { actionRowOf, type ActionChainDoc } from '../../../electron/core/bundle/action-docs';
import type { Hq } from '../../../electron/core/hq/context';
import { getHqAudit } from '../../../electron/core/hq/read/audit-detail';
import { hqAuditRow } from '../../../electron/core/hq/read/audits';
import { hqDashboard } from '../../../electron/core/hq/read/dashboard';
import { trackHq } from '../../../electron/core/hq/read/tracker';
import { listHqSites } from '../../../electron/core/hq/read/sites';
import type { Manifest } from '../../../electron/core/bundle/manifest';

const today = () => new Date().toISOString().slice(0, 10);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let root: string;
let laptop: Laptop;
let hq: Hq;
let auditId: string;
let contentHash: string;
let n = 0;

async function bundle(opts: { full?: boolean } = {}): Promise<{ file: string; manifest: Manifest; made: { audits: number; actionUpdates: number; actionAudits: number } }> {
  const file = join(root, `b${++n}.fsb`);
  const r = await exportBundle(laptop.core, { out: file, recipient: null, ...opts });
  return { file, manifest: r.manifest, made: { audits: r.audits, actionUpdates: r.actionUpdates, actionAudits: r.actionAudits } };
}

const changes = () => (hq.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const hqRows = () => ({
  events: hq.db.prepare('SELECT audit_id, seq, hash FROM action_events ORDER BY audit_id, seq').all(),
  history: hq.db.prepare('SELECT * FROM hq_action_history ORDER BY audit_id, seq').all(),
  evidence: hq.db.prepare('SELECT * FROM hq_closure_evidence ORDER BY audit_id, seq').all(),
  links: hq.db.prepare('SELECT * FROM hq_follow_up ORDER BY audit_id').all(),
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-cycle-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  auditId = (laptop.core.db.prepare("SELECT id FROM audits WHERE status = 'finalized' AND kind = 'full'").get() as { id: string }).id;
  contentHash = (laptop.core.db.prepare('SELECT content_hash FROM audits WHERE id = ?').get(auditId) as { content_hash: string }).content_hash;
}, 60_000);
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('action chains and follow-ups from laptop to HQ', () => {
  let actionId: string;
  let head: unknown;

  test('action updates after finalize never change the finalized audit: its content hash and its chain stay put', () => {
    head = chainHead(laptop.core.db, auditId);
    actionId = listTracks(laptop.core, auditId).find((t) => t.status === 'open')!.actionId;
    updateTrack(laptop.core, { actionId, status: 'in_progress', date: today(), note: 'Contractor booked', verifiedBy: '' });
    const file = Buffer.from('%PDF-1.4 exit log sent by the site');
    addClosureEvidence(laptop.core, {
      actionId, name: 'exit-log.pdf', mediaType: 'application/pdf', data: file.toString('base64'), source: 'site_sent', receivedAt: today(), description: 'By email',
    });
    expect(auditContentHash(laptop.core, auditId)).toBe(contentHash);
    expect(chainHead(laptop.core.db, auditId)).toEqual(head);
  });

  test('a full bundle carries the action chain; HQ records the history and the evidence, and the audit it holds keeps its hash', async () => {
    const { file, manifest } = await bundle();
    expect(manifest.actionChains).toEqual([expect.objectContaining({ auditId, fromSeq: 1, eventCount: 2, path: `actions/${auditId}.json` })]);
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect(r.message).toMatch(/: \d+ audit\(s\) and 2 action updates for 1 audit\.$/);
    const rows = hqRows();
    expect(rows.events).toHaveLength(2);
    expect(rows.history).toEqual([expect.objectContaining({ audit_id: auditId, seq: 1, action_id: actionId, status: 'in_progress', note: 'Contractor booked' })]);
    expect(rows.evidence).toEqual([expect.objectContaining({ audit_id: auditId, action_id: actionId, name: 'exit-log.pdf', source: 'site_sent', sha256: sha(Buffer.from('%PDF-1.4 exit log sent by the site')) })]);
    expect(hq.db.prepare('SELECT content_hash FROM hq_audit WHERE audit_id = ?').get(auditId)).toEqual({ content_hash: contentHash });
    markAcked(laptop.core.db, manifest.bundleId);
  });

  test('re-import is idempotent: the same file, and a full bundle overlapping what HQ holds, change nothing', async () => {
    const rows = hqRows();
    const again = await importBundleFile(hq, join(root, `b${n}.fsb`));
    expect(again.status).toBe('already_imported');
    const { file } = await bundle({ full: true });
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect(hqRows()).toEqual(rows);
  });

  test('an incremental bundle carries only the new action events, with no audit document for an audit that did not change', async () => {
    updateTrack(laptop.core, { actionId, status: 'submitted', date: today(), note: 'Site says done', verifiedBy: '' });
    const { file, manifest, made } = await bundle();
    expect(manifest.audits).toEqual([]);
    expect(manifest.actionChains).toEqual([expect.objectContaining({ auditId, fromSeq: 3, eventCount: 3 })]);
    // What it carried, not "0 audits": on the laptop (export result and outbox row) and in HQ's import message.
    expect(made).toEqual({ audits: 0, actionUpdates: 1, actionAudits: 1 });
    expect(getOutboxItem(laptop.core.db, manifest.bundleId)).toEqual(expect.objectContaining({ auditCount: 0, actionUpdates: 1, actionAudits: 1 }));
    expect(getOutboxItem(laptop.core.db, manifest.baseBundleId!)).toEqual(expect.objectContaining({ actionUpdates: 2, actionAudits: 1 }));
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect(r.message).toMatch(/: 1 action update for 1 audit\.$/);
    expect((hqRows().history as Array<{ status: string }>).map((h) => h.status)).toEqual(['in_progress', 'submitted']);
    markAcked(laptop.core.db, manifest.bundleId);
  });

  test('a follow-up travels as an audit of its own, linked at HQ to its original; its verifications reach the original\'s action history', async () => {
    const fu = startFollowUp(laptop.core, { auditId, mode: 'on_site', startDate: today(), endDate: today(), team: [], scope: '' });
    const view = followUpView(laptop.core, fu.id);
    for (const [i, item] of view.items.entries()) {
      const verification = i === 0 ? 'closed' : i === 1 ? 'partially_closed' : 'not_closed';
      verifyFinding(laptop.core, { auditId: fu.id, findingId: item.findingId, verification, note: 'Seen on the floor', evidence: 'Photos 1-3' });
    }
    finalizeFollowUp(laptop.core, fu.id);
    expect(auditContentHash(laptop.core, auditId)).toBe(contentHash);
    const { file, manifest } = await bundle();
    expect(manifest.audits.map((a) => a.id)).toEqual([fu.id]);
    expect(manifest.actionChains?.[0]).toMatchObject({ auditId, fromSeq: 4 });
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect(hqRows().links).toEqual([{ audit_id: fu.id, follow_up_of: auditId, mode: 'on_site' }]);
    const fromFollowUp = hq.db.prepare('SELECT action_id, status, verified_by FROM hq_action_history WHERE follow_up_id = ? ORDER BY seq').all(fu.id) as Array<{ status: string; verified_by: string }>;
    expect(view.items.length).toBeGreaterThanOrEqual(3);
    expect(fromFollowUp.length).toBeGreaterThanOrEqual(view.items.length);
    // Partially closed keeps the action in progress (no verifier); closed and not closed name who verified.
    expect(new Set(fromFollowUp.map((h) => h.status))).toEqual(new Set(['closed', 'in_progress', 'not_closed']));
    for (const h of fromFollowUp) expect(h.verified_by === '').toBe(h.status === 'in_progress');
    expect(hq.db.prepare('SELECT content_hash FROM hq_audit WHERE audit_id = ?').get(auditId)).toEqual({ content_hash: contentHash });
    markAcked(laptop.core.db, manifest.bundleId);

    // What HQ's audit view and tracker show.
    const fuView = getHqAudit(hq.db, { auditId: fu.id });
    expect(fuView.cycle.followUpOf).toMatchObject({ auditId, held: true, mode: 'on_site', status: 'finalized' });
    const orig = getHqAudit(hq.db, { auditId });
    expect(orig.cycle.followUps).toEqual([expect.objectContaining({ auditId: fu.id, held: true })]);
    const laptopTracks = listTracks(laptop.core, auditId).filter((t) => t.history.length);
    expect(orig.cycle.actions.map((a) => [a.actionId, a.closure.status, a.closure.verifiedBy, a.closure.date, a.closure.evidenceCount]))
      .toEqual(laptopTracks.map((t) => [t.actionId, t.status, t.verifiedBy, t.statusDate, t.evidence.length]));
    const first = orig.cycle.actions.find((a) => a.actionId === actionId)!;
    expect(first.history.map((h) => h.status).slice(0, 2)).toEqual(['in_progress', 'submitted']);
    expect(first.evidence).toEqual([expect.objectContaining({ name: 'exit-log.pdf', source: 'site_sent' })]);
    const tracker = trackHq(hq.db, { filter: { kinds: ['finding', 'overdue_action', 'zero_tolerance'], severities: ['critical', 'major', 'minor'], asOf: '2099-01-01' }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 500 } });
    const withClosure = tracker.rows.filter((r) => r.auditId === auditId && r.closure);
    expect(withClosure.length).toBeGreaterThan(0);
    for (const r of withClosure) expect(r.closure).toEqual(orig.cycle.actions.find((a) => a.actionId === r.actionId)!.closure);
    // An action closed after finalize is neither overdue nor keeps its finding open (when it was the finding's only action).
    const closedIds = orig.cycle.actions.filter((a) => a.closure.status === 'closed').map((a) => a.actionId);
    expect(closedIds.length).toBeGreaterThan(0);
    expect(tracker.rows.filter((r) => r.actionId && closedIds.includes(r.actionId))).toEqual([]);
    const stillOpen = orig.cycle.actions.filter((a) => a.closure.status === 'not_closed').map((a) => a.actionId);
    expect(tracker.rows.some((r) => r.kind === 'overdue_action' && stillOpen.includes(r.actionId!))).toBe(true);
    // The dashboard and the audit's own counts (list row and header) follow closure as the tracker does.
    const figures = () => {
      const d = hqDashboard(hq.db, { filter: {}, asOf: '2099-01-01', top: 10 });
      const row = hqAuditRow(hq.db, auditId, '2099-01-01')!;
      const header = getHqAudit(hq.db, { auditId }, { asOf: '2099-01-01' }).header;
      const site = listHqSites(hq.db, { filter: {}, sort: { by: 'name', dir: 'asc' }, page: { offset: 0, limit: 500 } }, '2099-01-01').rows.find((s) => s.siteId === row.siteId)!;
      return {
        site: { open: site.openFindings.critical + site.openFindings.major + site.openFindings.minor, overdue: site.overdueActions },
        openFindings: d.totals.openFindings.critical + d.totals.openFindings.major + d.totals.openFindings.minor,
        overdue: d.totals.overdueActions, siteOverdue: d.overdueBySite.find((s) => s.siteId === row.siteId)?.overdue ?? 0,
        list: { open: row.openActions, overdue: row.overdueActions }, header: { open: header.openActions, overdue: header.overdueActions },
      };
    };
    const now = figures();
    // Each action's own overdue flag in the audit view: an action closed after finalize is not overdue.
    const flags = () => getHqAudit(hq.db, { auditId }, { asOf: '2099-01-01' }).actions.filter((a) => closedIds.includes(a.id)).map((a) => a.overdue);
    const flagsNow = flags();
    // Without what happened after finalize the same tracker lists them: the read model itself keeps the audit as finalized.
    hq.db.exec('SAVEPOINT s; DELETE FROM hq_action_closure; DELETE FROM hq_finding_closure;');
    const asFinalized = trackHq(hq.db, { filter: { kinds: ['finding', 'overdue_action', 'zero_tolerance'], severities: ['critical', 'major', 'minor'], asOf: '2099-01-01' }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 500 } });
    const then = figures();
    const flagsThen = flags();
    hq.db.exec('ROLLBACK TO s; RELEASE s;');
    expect(flagsNow).toEqual(closedIds.map(() => false));
    expect(flagsThen).toEqual(closedIds.map(() => true));
    expect(new Set(asFinalized.rows.filter((r) => r.actionId && closedIds.includes(r.actionId)).map((r) => r.kind))).toEqual(new Set(['finding', 'overdue_action']));
    const closedOverdue = asFinalized.rows.filter((r) => r.kind === 'overdue_action' && closedIds.includes(r.actionId!)).length;
    const kind = (rows: typeof tracker.rows, k: string) => rows.filter((r) => r.kind === k).length;
    expect(closedOverdue).toBeGreaterThan(0);
    expect(now.overdue).toBe(then.overdue - closedOverdue);
    expect(now.siteOverdue).toBe(then.siteOverdue - closedOverdue);
    expect(now.openFindings).toBeLessThan(then.openFindings);
    expect([now.openFindings, then.openFindings]).toEqual([kind(tracker.rows, 'finding'), kind(asFinalized.rows, 'finding')]);
    expect(now.list).toEqual({ open: then.list.open - closedIds.length, overdue: then.list.overdue - closedOverdue });
    expect(now.header).toEqual(now.list);
    // The sites list too: the site's open findings and overdue actions are the tracker's rows of that site.
    const siteId = hqAuditRow(hq.db, auditId, '2099-01-01')!.siteId;
    const ofSite = (rows: typeof tracker.rows, k: string) => rows.filter((r) => r.kind === k && r.siteId === siteId).length;
    expect(now.site).toEqual({ open: ofSite(tracker.rows, 'finding'), overdue: ofSite(tracker.rows, 'overdue_action') });
    expect(then.site).toEqual({ open: ofSite(asFinalized.rows, 'finding'), overdue: ofSite(asFinalized.rows, 'overdue_action') });
    expect(now.site.overdue).toBe(then.site.overdue - closedOverdue);
    expect(then.header).toEqual(then.list);

    // A finding row shows every action of its finding, each where it stands now, not only the one due first. Two more actions
    // are given to a finding still open (one closed since finalize, one closed in the plan), in the read model, then taken back.
    const row = tracker.rows.find((r) => r.kind === 'finding' && stillOpen.includes(r.actionId!))!;
    hq.db.exec('SAVEPOINT more');
    const ins = hq.db.prepare(`INSERT INTO hq_action (audit_id, action_id, finding_id, action, owner, due_date, status, verification, root_cause, preventive_action,
      timescale, verification_method, site_acceptance) VALUES (?, ?, ?, ?, 'HR manager', ?, ?, '', '', '', '', '', 'pending')`);
    ins.run(auditId, '01900000-0000-7000-8000-00000000a002', row.findingId, 'Brief the team leaders', '2026-01-15', 'open');
    ins.run(auditId, '01900000-0000-7000-8000-00000000a003', row.findingId, 'Post the policy', '2026-01-20', 'closed');
    hq.db.prepare(`INSERT INTO hq_action_closure (audit_id, action_id, status, status_date, verified_by, follow_up_id, evidence_count)
      VALUES (?, '01900000-0000-7000-8000-00000000a002', 'closed', '2026-02-01', 'Lead auditor', NULL, 0)`).run(auditId);
    const more = trackHq(hq.db, { filter: { kinds: ['finding'], severities: ['critical', 'major', 'minor'], asOf: '2099-01-01' }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 500 } })
      .rows.find((r) => r.findingId === row.findingId)!;
    hq.db.exec('ROLLBACK TO more; RELEASE more');
    expect(more.actions.map((a) => [a.action, a.status, a.overdue])).toEqual([
      ['Brief the team leaders', 'closed', false], ['Post the policy', 'closed', false], [row.action, 'not_closed', true],
    ]);
    expect(more.actions[0]!.closure).toMatchObject({ status: 'closed', verifiedBy: 'Lead auditor' });
    expect(more.actions[1]!.closure).toBeNull();
    // Without them, the finding's one action.
    expect(row.actions.map((a) => [a.actionId, a.status])).toEqual([[row.actionId, 'not_closed']]);
  });

  describe('a tampered action chain is refused and HQ is left exactly as it was', () => {
    let parts: Awaited<ReturnType<typeof readParts>>;
    const path = () => `actions/${auditId}.json`;
    const docOf = (files: Map<string, Buffer>) => JSON.parse(files.get(path())!.toString('utf8')) as ActionChainDoc;
    const setDoc = (files: Map<string, Buffer>, d: ActionChainDoc) => files.set(path(), Buffer.from(JSON.stringify(d), 'utf8'));
    /** Re-hash every event from the first changed one, so only HQ's comparison with what it holds can tell. */
    const rehash = (d: ActionChainDoc) => {
      let prev = d.prevHash;
      for (const e of d.items) {
        e.prevHash = prev;
        e.hash = actionEventHash(actionRowOf(d.auditId, e));
        prev = e.hash;
      }
    };
    const summary = (m: Record<string, unknown>, d: ActionChainDoc) => {
      m.bundleId = crypto.randomUUID().replace(/^(.{14})./, '$17');
      m.baseBundleId = null;
      m.actionChains = [{ auditId, headHash: d.items.at(-1)!.hash, eventCount: d.fromSeq - 1 + d.items.length, fromSeq: d.fromSeq, path: path() }];
    };

    beforeAll(async () => {
      updateTrack(laptop.core, { actionId: listTracks(laptop.core, auditId).find((t) => t.status === 'not_closed' || t.status === 'open')!.actionId, status: 'in_progress', date: today(), note: 'New contractor', verifiedBy: '' });
      const { file } = await bundle({ full: true });
      parts = await readParts(file);
    });

    const cases: Array<{ name: string; edit: (d: ActionChainDoc) => void; rehashed: boolean; message: RegExp }> = [
      { name: 'an event changed after it was recorded', edit: (d) => { d.items[0]!.new = d.items[0]!.new!.replace('Contractor booked', 'Closed long ago'); }, rehashed: false, message: /changed after it was recorded/ },
      { name: 'an event dropped from the middle', edit: (d) => { d.items.splice(1, 1); }, rehashed: false, message: /missing from the chain/ },
      { name: 'history rewritten with valid hashes', edit: (d) => { d.items[0]!.new = d.items[0]!.new!.replace('Contractor booked', 'Closed long ago'); }, rehashed: true, message: /rewritten/ },
      { name: 'a new event for an action the audit does not have', edit: (d) => { d.items.at(-1)!.entityId = '01900000-0000-7000-8000-0000000000ff'; }, rehashed: true, message: /action the finalized audit does not have/ },
      { name: 'a new event that is not an action update', edit: (d) => { d.items.at(-1)!.entity = 'response'; }, rehashed: true, message: /cannot hold/ },
    ];
    for (const c of cases) {
      test(c.name, async () => {
        const key = loadSigningKey(laptop.core).privateKey;
        let edited: ActionChainDoc | null = null;
        const bytes = forge(parts, {
          signWith: key,
          files: (files) => {
            edited = docOf(files);
            c.edit(edited);
            if (c.rehashed) rehash(edited);
            setDoc(files, edited);
          },
          // The manifest summarises the forged chain truthfully and is signed by the auditor's own key: only the chain checks can refuse it.
          manifest: (m) => summary(m, edited!),
        });
        const file = join(root, `forged-${++n}.fsb`);
        writeFileSync(file, bytes);
        const before = snapshot(hq.paths.dir);
        const changed = changes();
        const rows = hqRows();
        const r = await importBundleFile(hq, file);
        expect(r.status, r.message).toBe('rejected');
        expect(r.reason).toBe('bad_content');
        expect(r.message).toMatch(c.message);
        expect(changes()).toBe(changed);
        expect(hqRows()).toEqual(rows);
        expect(snapshot(hq.paths.dir)).toEqual(before);
        expect(readdirSync(hq.paths.staging)).toEqual([]);
      });
    }
  });
});
