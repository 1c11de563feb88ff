import { stmt } from '../stmt';
import type { Core } from '../../core';
import type { Note, NoteInput } from '../../../../shared/domain/finding';
import { uuidv7 } from '../../../../shared/ids';
import { editableAudit, touchAudit } from './audits';
import { record } from './record';
import { noteFromRow } from './rows';
import { nowIso } from '../clock';
import { write } from '../write';
import { fieldText, refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

export function saveNote(core: Core, input: NoteInput): Note {
  const db = core.db;
  return write(core, () => {
    editableAudit(db, input.auditId);
    const oldRow = input.id ? (stmt(db, 'SELECT * FROM notes WHERE id = ?').get(input.id) as Record<string, unknown> | undefined) : undefined;
    const old = oldRow ? noteFromRow(oldRow) : null;
    if (input.id && !old) throw refusal('not_found', msg('note.gone'), [fieldText('id', msg('problem.noNote'))]);
    if (old && old.auditId !== input.auditId) throw refusal('conflict', msg('note.otherAudit'), [fieldText('auditId', msg('problem.otherNote'))]);
    const now = nowIso();
    const n: Note = { id: old?.id ?? uuidv7(), auditId: input.auditId, scope: input.scope, ref: input.ref, body: input.body, createdAt: old?.createdAt ?? now, updatedAt: now };
    stmt(db, `INSERT INTO notes (id, audit_id, scope, ref, body, created_at, updated_at) VALUES (@id, @auditId, @scope, @ref, @body, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET scope = excluded.scope, ref = excluded.ref, body = excluded.body, updated_at = excluded.updated_at`).run(n);
    record(core, n.auditId, 'note', n.id, old ? 'update' : 'create', old, n);
    touchAudit(db, n.auditId);
    return n;
  });
}

/** Deletes a note of an editable audit; the event keeps what it said, so the chain shows it was there. */
export function deleteNote(core: Core, id: string): { deleted: boolean } {
  const db = core.db;
  return write(core, () => {
    const row = stmt(db, 'SELECT * FROM notes WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!row) return { deleted: false };
    const old = noteFromRow(row);
    editableAudit(db, old.auditId);
    stmt(db, 'DELETE FROM notes WHERE id = ?').run(id);
    record(core, old.auditId, 'note', id, 'delete', old, null);
    touchAudit(db, old.auditId);
    return { deleted: true };
  });
}
