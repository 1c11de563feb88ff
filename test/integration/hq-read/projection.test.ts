// HQ's read model from real bundles made by the laptop code: what the
// laptop recorded is what HQ shows; a re-import changes nothing; a bundle
// held for its base is projected when it applies; diverging versions are
// flagged; the laptop's earlier revision steps aside for the reopened one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeOneAnswer, makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { openCore } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { listHqAudits } from '../../../electron/core/hq/read/audits';
import { getHqAudit } from '../../../electron/core/hq/read/audit-detail';
import type { Hq } from '../../../electron/core/hq/context';
import { readModel } from './read-model';

let root: string;
let laptop: Laptop;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqread-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
});
afterAll(() => {
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

const LIST = { filter: { includeSuperseded: false }, sort: { by: 'startDate' as const, dir: 'asc' as const }, page: { offset: 0, limit: 50 } };

describe('HQ read model', () => {
  let hq: Hq;
  beforeAll(async () => { hq = await makeHq(root); enrolLaptop(hq, laptop.core); });
  afterAll(() => hq.close());

  test('an imported audit reads as the laptop recorded it: header, band sealed at finalize, findings, actions, verification', async () => {
    const out = join(root, 'full.fsb');
    await exportBundle(laptop.core, { out });
    expect((await importBundleFile(hq, out)).status).toBe('imported');
    const { total, rows } = listHqAudits(hq.db, LIST, '2026-11-30');
    expect(total).toBe(2);
    const done = rows.find((r) => r.status === 'finalized')!;
    const lap = laptop.core.db.prepare('SELECT * FROM audits WHERE id = ?').get(done.auditId) as { start_date: string; content_hash: string };
    const sealed = laptop.core.db.prepare("SELECT new FROM events WHERE audit_id = ? AND action = 'finalize'").get(done.auditId) as { new: string };
    const seal = JSON.parse(sealed.new) as { band: string; percent: number };
    expect(done).toMatchObject({ siteName: 'Northwind Contact Centre, Cebu', country: 'PH', clients: ['Harbor Telecom', 'Lumen Health Insurance'],
      auditorId: 'AUD-001', auditorName: 'Asha Rao', startDate: lap.start_date, band: seal.band, percent: seal.percent, superseded: false, conflict: false });
    const lapFindings = laptop.core.db.prepare("SELECT severity, count(*) AS n FROM findings WHERE audit_id = ? GROUP BY severity").all(done.auditId) as Array<{ severity: string; n: number }>;
    for (const s of ['critical', 'major', 'minor'] as const) expect(done.findings[s]).toBe(lapFindings.find((f) => f.severity === s)?.n ?? 0);
    // The demo's actions fall due in mid-2026; by the end of November the open ones are overdue.
    const lapOpen = (laptop.core.db.prepare("SELECT count(*) AS n FROM corrective_actions WHERE audit_id = ? AND status != 'closed'").get(done.auditId) as { n: number }).n;
    expect(done.openActions).toBe(lapOpen);
    expect(done.overdueActions).toBe(lapOpen);
    expect(lapOpen).toBeGreaterThan(0);

    const detail = getHqAudit(hq.db, { auditId: done.auditId }, { asOf: '2026-11-30' });
    const lapAnswers = (laptop.core.db.prepare('SELECT count(*) AS n FROM responses WHERE audit_id = ?').get(done.auditId) as { n: number }).n;
    expect(detail.answers).toHaveLength(lapAnswers);
    expect(detail.answers.every((a) => a.prompt !== null)).toBe(true);
    expect(detail.header.template.known).toBe(true);
    expect(detail.header.contentHash).toBe(lap.content_hash);
    expect(detail.verification.chain.verified).toBe(true);
    expect(detail.verification.signer).toMatchObject({ auditorId: 'AUD-001', name: 'Asha Rao', state: 'enrolled' });
    expect(detail.findings.length).toBe(lapFindings.reduce((n, f) => n + f.n, 0));
    expect(detail.findings.every((f) => f.clause)).toBe(true);
    expect(detail.revisions).toEqual([expect.objectContaining({ auditId: done.auditId, revision: 1, band: seal.band })]);
    expect(detail.heads).toEqual([expect.objectContaining({ current: true })]);
  });

  test('the same data imported again (a full bundle of unchanged audits) leaves the read model as it was', async () => {
    const before = readModel(hq);
    const out = join(root, 'full-again.fsb');
    await exportBundle(laptop.core, { out, full: true });
    const r = await importBundleFile(hq, out);
    expect(r.status, r.message).toBe('imported');
    expect(readModel(hq)).toEqual(before);
  });

  test('an incremental bundle held until its base arrives is projected when it applies', async () => {
    const fresh = await makeHq(root);
    enrolLaptop(fresh, laptop.core);
    const base = join(root, 'base.fsb');
    const full = await exportBundle(laptop.core, { out: base, full: true });
    markAcked(laptop.core.db, full.bundleId);
    const changed = changeOneAnswer(laptop.core, 'Written after the base bundle.');
    const inc = join(root, 'inc.fsb');
    await exportBundle(laptop.core, { out: inc });
    expect((await importBundleFile(fresh, inc)).status).toBe('held');
    expect(fresh.db.prepare('SELECT count(*) AS n FROM hq_audit').get()).toEqual({ n: 0 });
    const r = await importBundleFile(fresh, base);
    expect(r.released?.map((x) => x.status)).toEqual(['imported']);
    const answer = fresh.db.prepare("SELECT value FROM hq_answer WHERE audit_id = ? AND value LIKE '%Written after the base bundle.%'").get(changed);
    expect(answer).toBeTruthy();
    const head = fresh.db.prepare('SELECT current_head FROM audits WHERE audit_id = ?').get(changed) as { current_head: string };
    expect(fresh.db.prepare('SELECT head_hash FROM hq_audit WHERE audit_id = ?').get(changed)).toEqual({ head_hash: head.current_head });
    fresh.close();
  });

  test('two diverging versions: the audit is flagged, both heads listed, and the read model shows the version chosen by content', async () => {
    const fresh = await makeHq(root);
    enrolLaptop(fresh, laptop.core);
    laptop.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const copyDir = join(root, 'twin');
    cpSync(laptop.dir, copyDir, { recursive: true });
    const twin = await openCore({ dataDir: copyDir, secretBox: passphraseBox('laptop-test-passphrase') });
    const id = changeOneAnswer(laptop.core, 'Original laptop.');
    changeOneAnswer(twin, 'Restored copy.');
    const o1 = join(root, 'd1.fsb');
    const o2 = join(root, 'd2.fsb');
    await exportBundle(laptop.core, { out: o1, full: true });
    await exportBundle(twin, { out: o2, full: true });
    twin.close();
    await importBundleFile(fresh, o1);
    await importBundleFile(fresh, o2);
    const [row] = listHqAudits(fresh.db, { ...LIST, filter: { includeSuperseded: false, conflict: true } }).rows;
    expect(row).toMatchObject({ auditId: id, conflict: true, versions: 2 });
    const detail = getHqAudit(fresh.db, { auditId: id });
    expect(detail.heads).toHaveLength(2);
    const other = detail.heads.find((h) => !h.current)!;
    const shown = getHqAudit(fresh.db, { auditId: id, headHash: other.headHash });
    const texts = (d: typeof detail) => d.answers.map((a) => (a.value?.kind === 'text' ? a.value.text : '')).filter((t) => t === 'Original laptop.' || t === 'Restored copy.');
    expect([...texts(detail), ...texts(shown)].sort()).toEqual(['Original laptop.', 'Restored copy.']);
    fresh.close();
  });
});
