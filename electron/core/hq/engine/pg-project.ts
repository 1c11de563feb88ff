// Projecting one audit already on the server into the read model (PG 2,
// for audits imported before it): read/project.ts run on a scratch copy of
// the rows it reads, its read-model rows copied back (their facts come
// with PG 3, which fills hq_fact from the read model itself).
import type { Db } from '../../store/db';
import type { PgConn } from './pg-sql';
import { projectAudit } from '../read/project';
import { AUDIT_ROWS, insertRows, scratch, upsert, withScratch } from './scratch';

type Row = Record<string, unknown>;

export function projectOnServer(c: PgConn, auditId: string, now: string): Promise<void> {
  return withScratch(() => project(c, scratch(), auditId, now));
}

async function project(c: PgConn, db: Db, auditId: string, now: string): Promise<void> {
  const put = async (table: string, sql: string, params: unknown[]) => insertRows(db, table, (await c.query(sql, params)).rows as Row[]);
  await put('audits', 'SELECT * FROM audits WHERE audit_id = $1', [auditId]);
  await put('audit_versions', 'SELECT v.* FROM audit_versions v JOIN audits a ON a.audit_id = v.audit_id AND a.current_head = v.head_hash WHERE v.audit_id = $1', [auditId]);
  await put('events', 'SELECT * FROM events WHERE audit_id = $1', [auditId]);
  const prev = (db.prepare('SELECT previous_id FROM audit_versions').get() as { previous_id: string | null } | undefined)?.previous_id ?? null;
  await put('hq_audit', 'SELECT * FROM hq_audit WHERE audit_id = $1 OR audit_id = $2 OR previous_id = $1 OR root_id = $1', [auditId, prev]);
  projectAudit(db, auditId, now);
  await upsert(c, 'hq_audit', db.prepare('SELECT * FROM hq_audit').all() as Row[], 'replace');
  for (const t of AUDIT_ROWS) {
    await c.query(`DELETE FROM ${t} WHERE audit_id = $1`, [auditId]);
    await upsert(c, t, db.prepare(`SELECT * FROM ${t} WHERE audit_id = ?`).all(auditId) as Row[], 'keep');
  }
}
