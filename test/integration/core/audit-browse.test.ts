// The home screen's query (audits.browse): groups by where the auditor's
// work stands, counts and pages in SQL, filters on the core side; and the
// plans of the hot queries of the list and of incremental bundles use
// their indexes (EXPLAIN QUERY PLAN), so they stay quick as years of audits
// accumulate.
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { exportBundle } from '../../../electron/core/bundle/export';
import { markAcked, SENT_FILES_SQL, SENT_STATES_SQL } from '../../../electron/core/sync/outbox-store';
import { countSql, pageSql } from '../../../electron/core/store/repos/audit-browse';
import { createAudit, listSql } from '../../../electron/core/store/repos/audits';
import type { AuditSummary } from '../../../shared/domain/audit';
import type { Db } from '../../../electron/core/store/db';
import type { AuditBrowse } from '../../../shared/domain/audit-list';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { rmSync } from 'node:fs';

let laptop: Laptop | null = null;
afterEach(() => {
  laptop?.core.close();
  if (laptop) rmSync(laptop.dir, { recursive: true, force: true });
  laptop = null;
});

async function browse(l: Laptop, input: Record<string, unknown> = {}): Promise<AuditBrowse> {
  const r = await createDispatch(handlers, l.core)('audits.browse', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as AuditBrowse;
}
const ids = (b: AuditBrowse) => Object.fromEntries(b.groups.map((g) => [g.id, { count: g.count, ids: g.rows.map((r) => r.id) }]));

export function plan(db: Db, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
}

describe('audits.browse', () => {
  it('keeps an audit in progress under "In progress" after a bundle that carried it was acknowledged', async () => {
    laptop = await makeLaptop();
    const [open, done] = laptop.auditIds as [string, string];
    expect(ids(await browse(laptop))).toEqual({
      progress: { count: 1, ids: [open] }, finalized: { count: 1, ids: [done] }, sent: { count: 0, ids: [] },
    });
    const b = await exportBundle(laptop.core, { recipient: null });
    markAcked(laptop.core.db, b.bundleId);
    const after = await browse(laptop);
    expect(ids(after)).toEqual({
      progress: { count: 1, ids: [open] }, finalized: { count: 0, ids: [] }, sent: { count: 1, ids: [done] },
    });
    // The row says an earlier state of it reached headquarters.
    expect(after.groups[0]!.rows[0]).toMatchObject({ id: open, status: 'in_progress', sent: true });
  });

  it('pages each group newest first, counts the whole group, and filters in SQL', async () => {
    laptop = await makeLaptop();
    const core = laptop.core;
    const a = core.db.prepare('SELECT site_id, template_id FROM audits LIMIT 1').get() as { site_id: string; template_id: string };
    const made = core.db.transaction(() => Array.from({ length: 12 }, (_, i) => createAudit(core, {
      siteId: a.site_id, templateId: a.template_id, type: 'announced', startDate: `2024-01-${String(i + 10).padStart(2, '0')}`, endDate: '2024-02-01', team: [], scope: i === 3 ? 'Night shift only' : '',
    }).id)).immediate();
    const page = await browse(laptop, { rows: { progress: 5 } });
    const progress = page.groups.find((g) => g.id === 'progress')!;
    expect(progress.count).toBe(13);
    expect(progress.rows).toHaveLength(5);
    const dates = progress.rows.map((r) => r.startDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(progress.rows[1]!.id).toBe(made[11]); // after the demo's audit of yesterday, the newest made here
    // Only what a row shows.
    expect(Object.keys(progress.rows[0]!).sort()).toEqual(['answered', 'clients', 'country', 'findings', 'id', 'lastChange', 'revision', 'sent', 'siteName', 'startDate', 'status', 'templateName', 'total', 'type']);
    const night = await browse(laptop, { text: 'night shift' });
    expect(night.groups.map((g) => g.count)).toEqual([2, 0, 0]); // the demo's follow-up visit and the one made here
    expect(ids(await browse(laptop, { rows: { progress: 0, finalized: 0, sent: 0 } })).progress).toEqual({ count: 13, ids: [] });
  });

  it('reads a page, the chain heads and what HQ has through indexes, without sorting in a temporary table', async () => {
    laptop = await makeLaptop();
    const db = laptop.core.db;
    for (const g of ['progress', 'finalized', 'sent'] as const) {
      const p = plan(db, pageSql(g, []), { limit: 30 });
      expect(p).toMatch(g === 'progress' ? /SCAN a USING INDEX audits_start/ : /SEARCH a USING INDEX audits_status_start \(status=\?\)/);
      // The counts come from the audit row: no answer or finding is read.
      expect(p).not.toMatch(/\b(SEARCH|SCAN) (r|f|responses|findings)\b/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
    expect(plan(db, countSql([]))).not.toMatch(/SCAN (s|t)\b/); // the counts read the audits alone
    expect(plan(db, SENT_STATES_SQL)).toMatch(/SEARCH b USING INDEX sqlite_autoindex_bundles_out_1 \(bundle_id=\?\)/);
    expect(plan(db, SENT_FILES_SQL, '[]')).toMatch(/SEARCH f USING (COVERING )?INDEX bundle_out_files_sha \(sha256=\?\)/);
    expect(plan(db, SENT_FILES_SQL, '[]')).not.toMatch(/SCAN f\b/);
    for (const sql of ["SELECT seq, hash FROM events WHERE ifnull(audit_id, '') = ? AND seq = ?", "SELECT * FROM events WHERE ifnull(audit_id, '') = ? AND seq >= ? ORDER BY seq"]) {
      const p = plan(db, sql, 'x', 1);
      expect(p).toMatch(/SEARCH events USING INDEX events_chain \(<expr>=\? AND seq[>=]+\?\)/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
    // The page after another starts by a seek in the index, not by reading the pages before it.
    const next = plan(db, listSql(['(a.start_date, a.id) < (@afterDate, @afterId)'], { searchesTemplates: false, paged: true }), { limit: 30, afterDate: '2026-01-01', afterId: 'x' });
    expect(next).toMatch(/SEARCH a USING INDEX audits_start \(\(start_date,id\)<\(\?,\?\)\)/);
    expect(next).not.toMatch(/TEMP B-TREE/);
  });
});

describe('audits.list', () => {
  async function list(l: Laptop, input: Record<string, unknown> = {}): Promise<AuditSummary[]> {
    const r = await createDispatch(handlers, l.core)('audits.list', input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as AuditSummary[];
  }

  it('counts answers and findings as the answers and findings themselves do, and pages newest first', async () => {
    laptop = await makeLaptop();
    const db = laptop.core.db;
    const all = await list(laptop);
    expect(all.length).toBeGreaterThan(1);
    for (const a of all) {
      const answered = db.prepare('SELECT count(*) FROM responses WHERE audit_id = ? AND value IS NOT NULL').pluck().get(a.id);
      const findings = db.prepare('SELECT count(*) FROM findings WHERE audit_id = ?').pluck().get(a.id);
      expect({ id: a.id, answered: a.answered, findings: a.findings }).toEqual({ id: a.id, answered, findings });
      expect(a.total).toBeGreaterThan(0);
      expect(a.templateName).not.toBe('');
    }
    expect(all.some((a) => a.findings > 0 && a.answered > 0)).toBe(true);
    expect((await list(laptop, { limit: 1 })).map((a) => a.id)).toEqual([all[0]!.id]);
    const after = (a: AuditSummary) => ({ startDate: a.startDate, id: a.id });
    expect((await list(laptop, { limit: 1, after: after(all[0]!) })).map((a) => a.id)).toEqual([all[1]!.id]);
    expect(await list(laptop, { after: after(all.at(-1)!) })).toEqual([]);
  });

  it('sorts and pages on the start-date index and reads no answer, finding or checklist row per audit', async () => {
    laptop = await makeLaptop();
    const db = laptop.core.db;
    for (const paged of [false, true]) {
      const p = plan(db, listSql([], { searchesTemplates: false, paged }), { limit: 30 });
      expect(p).toMatch(/SCAN a USING INDEX audits_start/);
      expect(p).toMatch(/SEARCH s USING INDEX sqlite_autoindex_sites_1 \(id=\?\)/);
      expect(p).not.toMatch(/\b(SEARCH|SCAN) (r|f|t|responses|findings|templates)\b/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
    // The page after another starts by a seek in the index, not by reading the pages before it.
    const next = plan(db, listSql(['(a.start_date, a.id) < (@afterDate, @afterId)'], { searchesTemplates: false, paged: true }), { limit: 30, afterDate: '2026-01-01', afterId: 'x' });
    expect(next).toMatch(/SEARCH a USING INDEX audits_start \(\(start_date,id\)<\(\?,\?\)\)/);
    expect(next).not.toMatch(/TEMP B-TREE/);
  });
});
