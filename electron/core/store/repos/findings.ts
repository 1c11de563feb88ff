// Findings follow the answers: a non-compliant answer or a computed breach
// has exactly one finding (per audit and item); when it no longer applies,
// the finding and its corrective actions go, each removal recorded.
import { stmt } from '../stmt';
import type { Core } from '../../core';
import type { Finding } from '../../../../shared/domain/finding';
import type { Response } from '../../../../shared/domain/response';
import type { ItemFinding } from '../../../../shared/checks';
import { uuidv7 } from '../../../../shared/ids';
import type { Db } from '../db';
import { record } from './record';
import { actionFromRow, findingFromRow } from './rows';
import { nowIso } from '../clock';

type Row = Record<string, unknown>;

export function listFindings(db: Db, auditId: string): Finding[] {
  return (stmt(db, 'SELECT * FROM findings WHERE audit_id = ? ORDER BY id').all(auditId) as Row[]).map(findingFromRow);
}

export function findingFor(db: Db, auditId: string, itemId: string): Finding | null {
  const r = stmt(db, 'SELECT * FROM findings WHERE audit_id = ? AND item_id = ?').get(auditId, itemId) as Row | undefined;
  return r ? findingFromRow(r) : null;
}

/**
 * Inside the response's transaction: make the stored finding match `want`.
 * `stored` is the current finding when the caller has already read it;
 * `templateZeroTolerance` when the template marks the item zero tolerance.
 */
export function syncFinding(core: Core, response: Response, sectionId: string, want: ItemFinding | null, stored?: Finding | null, templateZeroTolerance = false): Finding | null {
  const db = core.db;
  const old = stored === undefined ? findingFor(db, response.auditId, response.itemId) : stored;
  if (!want) {
    if (old) removeFinding(core, old);
    return null;
  }
  const next = {
    // A zero-tolerance item's finding is zero tolerance whatever the auditor ticked.
    severity: want.severity, zeroTolerance: response.zeroTolerance || templateZeroTolerance, source: want.source, summary: want.summary, note: response.note,
  };
  const now = nowIso();
  if (!old) {
    const f: Finding = { id: uuidv7(), auditId: response.auditId, itemId: response.itemId, sectionId, ...next, createdAt: now, updatedAt: now };
    stmt(db, `INSERT INTO findings (id, audit_id, item_id, section_id, severity, zero_tolerance, source, summary, note, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(f.id, f.auditId, f.itemId, f.sectionId, f.severity, f.zeroTolerance ? 1 : 0, f.source, f.summary, f.note, now, now);
    record(core, f.auditId, 'finding', f.id, 'create', null, f);
    return f;
  }
  if (old.severity === next.severity && old.zeroTolerance === next.zeroTolerance && old.source === next.source
    && old.summary === next.summary && old.note === next.note) return old;
  const f: Finding = { ...old, ...next, updatedAt: now };
  stmt(db, 'UPDATE findings SET severity = ?, zero_tolerance = ?, source = ?, summary = ?, note = ?, updated_at = ? WHERE id = ?')
    .run(f.severity, f.zeroTolerance ? 1 : 0, f.source, f.summary, f.note, now, f.id);
  record(core, f.auditId, 'finding', f.id, 'update', old, f);
  return f;
}

function removeFinding(core: Core, f: Finding): void {
  const actions = (stmt(core.db, 'SELECT * FROM corrective_actions WHERE finding_id = ?').all(f.id) as Row[]).map(actionFromRow);
  for (const a of actions) {
    stmt(core.db, 'DELETE FROM corrective_actions WHERE id = ?').run(a.id);
    record(core, f.auditId, 'action', a.id, 'delete', a, null);
  }
  stmt(core.db, 'DELETE FROM findings WHERE id = ?').run(f.id);
  record(core, f.auditId, 'finding', f.id, 'delete', f, null);
}
