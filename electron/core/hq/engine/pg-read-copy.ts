// Exports from an HQ on PostgreSQL run the same export code as on SQLite
// (read/export.ts: filters, CSV/XLSX writers, the one-audit JSON) over a
// read copy: the tables an export reads, copied in pages from one
// consistent snapshot of the server into a private SQLite file in HQ's
// staging folder, removed when the export is written.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { migrate } from '../../store/db';
import { write } from '../../store/write';
import { hqMigrations } from '../migrations';
import { newStaging } from '../import-files';
import type { Hq, HqFolder } from '../context';
import { inTx } from './pg-sql';
import { insertRows, KEYS } from './scratch';
import { sqliteStore } from './sqlite-store';
import type { PgStore } from './pg-store';

/**
 * What table exports read (an audit's open and overdue actions leave out those
 * closed after finalize: hq_action_closure); one audit's JSON reads its
 * revisions' rows of every table too.
 */
const TABLE_EXPORT = ['auditors', 'audit_owners', 'hq_audit', 'hq_audit_client', 'hq_finding', 'hq_action', 'hq_action_closure'];
const PAGE = 5000;

async function copyTable(c: pg.PoolClient, db: Database.Database, table: string, where = 'TRUE', params: unknown[] = []): Promise<void> {
  const key = KEYS[table]!;
  const tuple = `(${key.join(', ')})`;
  for (let after: unknown[] | null = null; ;) {
    const p = [...params, ...(after ?? [])];
    const page = after ? ` AND ${tuple} > (${key.map((_, i) => `$${params.length + i + 1}`).join(', ')})` : '';
    const rows = (await c.query(`SELECT * FROM ${table} WHERE (${where})${page} ORDER BY ${key.join(', ')} LIMIT ${PAGE}`, p)).rows as Array<Record<string, unknown>>;
    write({ db }, () => insertRows(db, table, rows));
    if (rows.length < PAGE) return;
    after = key.map((k) => rows[rows.length - 1]![k]);
  }
}

/** Runs `fn` on a SQLite copy of what the export reads; `auditId`: one audit's JSON. */
export async function withReadCopy<T>(hq: HqFolder, store: PgStore, fn: (copy: Hq) => Promise<T>, auditId?: string): Promise<T> {
  const dir = await newStaging(hq);
  const file = join(dir, 'read-copy.db');
  const db = new Database(file);
  try {
    migrate(db, hqMigrations);
    await inTx(store.pool, async (c) => {
      for (const t of TABLE_EXPORT) await copyTable(c, db, t);
      if (auditId) {
        // Its revisions (the detail lists them) and every row of each.
        const family = "audit_id IN (SELECT audit_id FROM hq_audit WHERE root_id = (SELECT coalesce((SELECT root_id FROM hq_audit WHERE audit_id = $1), $1)))";
        for (const t of ['audits', 'audit_versions', 'events', 'hq_answer', 'hq_signature']) await copyTable(c, db, t, `${family} OR audit_id = $1`, [auditId]);
        for (const t of ['photos', 'reports']) await copyTable(c, db, t);
        // What happened to its actions after finalize, and the follow-ups it has or follows (their audits are in hq_audit, copied whole).
        for (const t of ['hq_action_history', 'hq_closure_evidence']) await copyTable(c, db, t, `${family} OR audit_id = $1`, [auditId]);
        await copyTable(c, db, 'hq_follow_up', 'audit_id = $1 OR follow_up_of = $1', [auditId]);
      }
    }, { readOnly: true });
    const copy: Hq = { db, paths: hq.paths, box: hq.box, store: sqliteStore(db, file), close: () => db.close() };
    return await fn(copy);
  } finally {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
