// Reopening carries the evidence into the new revision: interviews,
// documents reviewed and photo records (the files are content-addressed and
// shared). Columns are read from the schema, so later migrations that add
// columns to these tables are copied too. Signatures are not copied: a new
// revision is signed anew.
import { uuidv7 } from '../../../../shared/ids';
import type { Db } from '../db';
import { stmt } from '../stmt';

type Row = Record<string, unknown>;

const hasTable = (db: Db, name: string) => !!stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
const columnsOf = (db: Db, table: string) => (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);

function copyRows(db: Db, table: string, from: string, to: string, remap: (row: Row) => Row = (r) => r): Map<string, string> {
  const ids = new Map<string, string>();
  if (!hasTable(db, table)) return ids;
  const cols = columnsOf(db, table);
  const insert = db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
  for (const row of db.prepare(`SELECT * FROM "${table}" WHERE audit_id = ? ORDER BY id`).all(from) as Row[]) {
    const id = uuidv7();
    ids.set(row.id as string, id);
    insert.run(remap({ ...row, id, audit_id: to }));
  }
  return ids;
}

export function copyEvidence(db: Db, from: string, to: string): { interviews: number; documents: number; photos: number } {
  const interviews = copyRows(db, 'interviews', from, to);
  const documents = copyRows(db, 'documents', from, to);
  const newFinding = new Map((db.prepare('SELECT o.id AS old, n.id AS new FROM findings o JOIN findings n ON n.item_id = o.item_id AND n.audit_id = ? WHERE o.audit_id = ?')
    .all(to, from) as Array<{ old: string; new: string }>).map((r) => [r.old, r.new]));
  const photos = copyRows(db, 'photos', from, to, (r) => ({
    ...r,
    ...('finding_id' in r ? { finding_id: r.finding_id == null ? null : newFinding.get(r.finding_id as string) ?? null } : {}),
    ...('document_id' in r ? { document_id: r.document_id == null ? null : documents.get(r.document_id as string) ?? null } : {}),
  }));
  return { interviews: interviews.size, documents: documents.size, photos: photos.size };
}

/**
 * The evidence rows of an audit as plain data for its content hash: photo
 * records (with their file hashes), documents reviewed and interviews, edit
 * times left out. Interview text enters only through the hash, never in clear.
 */
export function evidenceForHash(db: Db, auditId: string): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const table of ['photos', 'documents', 'interviews']) {
    if (!hasTable(db, table)) continue;
    out[table] = (db.prepare(`SELECT * FROM "${table}" WHERE audit_id = ? ORDER BY id`).all(auditId) as Row[])
      .map(({ created_at: _c, updated_at: _u, ...rest }) => rest);
  }
  return out;
}
