// Corrective actions after finalize: status updates and closure evidence,
// each an event of the audit's action chain and, in the same transaction,
// the current state in action_tracks / closure_evidence. Nothing here
// writes to the audit's own records, so its content hash and its signed
// report stay what they were.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../core';
import type { Db } from '../store/db';
import { stmt } from '../store/stmt';
import { nowIso } from '../store/clock';
import { sha256Hex } from '../sha256';
import { getAudit } from '../store/repos/audits';
import { actionFromRow } from '../store/repos/rows';
import { writeFileAtomicSync } from '../atomic-file';
import { privateDir } from '../private-files';
import { uuidv7 } from '../../../shared/ids';
import type { CorrectiveAction } from '../../../shared/domain/finding';
import { write } from '../store/write';
import {
  CLOSURE_FILE_MAX_BYTES, NEXT_STATUSES, VERIFIED_STATUSES,
  type ActionTrack, type ActionUpdateInput, type ClosureEvidence, type ClosureEvidenceInput, type TrackStatus,
} from '../../../shared/domain/followup';
import { appendActionEvent } from './chain';
import { fieldText, joined, refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

type Row = Record<string, unknown>;

/** Closure evidence files, content-addressed: `closure/<sha256>`. */
export const closureDir = (core: Core): string => join(core.dataDir, 'closure');

const today = (): string => new Date().toISOString().slice(0, 10);

function actionOf(db: Db, actionId: string): CorrectiveAction {
  const r = stmt(db, 'SELECT * FROM corrective_actions WHERE id = ?').get(actionId) as Row | undefined;
  if (!r) throw refusal('not_found', msg('action.missing'), [fieldText('actionId', msg('problem.noAction'))]);
  return actionFromRow(r);
}

/** The action's audit, which must be finalized: before that the plan itself is edited. */
function finalizedAuditOf(db: Db, a: CorrectiveAction) {
  const audit = getAudit(db, a.auditId);
  if (audit.status !== 'finalized') {
    throw refusal('conflict', msg('action.notFinalized'));
  }
  return audit;
}

/** A status as a refusal names it, in the reader's language. */
const STATUS_NAMES: Record<TrackStatus, string> = {
  open: 'trackStatus.open', in_progress: 'trackStatus.in_progress', submitted: 'trackStatus.submitted', closed: 'trackStatus.closed', not_closed: 'trackStatus.not_closed',
};

/** What finalize left: the plan's status mapped onto the tracker. */
export const initialStatus = (a: CorrectiveAction): TrackStatus => (a.status === 'closed' ? 'closed' : a.status === 'in_progress' ? 'in_progress' : 'open');

function evidenceFromRow(r: Row): ClosureEvidence {
  return {
    id: r.id as string, actionId: r.action_id as string, sha256: r.sha256 as string, name: r.name as string, mediaType: r.media_type as string,
    size: r.size as number, source: r.source as ClosureEvidence['source'], receivedAt: r.received_at as string, description: r.description as string,
    addedAt: r.added_at as string,
  };
}

function historyOf(db: Db, auditId: string, actionId: string): ActionTrack['history'] {
  const rows = stmt(db, "SELECT at, actor, new FROM action_events WHERE audit_id = ? AND entity = 'action_track' AND entity_id = ? ORDER BY seq").all(auditId, actionId) as Array<{ at: string; actor: string; new: string }>;
  return rows.map((r) => {
    const n = JSON.parse(r.new) as { status: TrackStatus; date: string; note: string; verifiedBy: string };
    return { status: n.status, date: n.date, note: n.note, verifiedBy: n.verifiedBy, at: r.at, actor: r.actor };
  });
}

export function trackOf(db: Db, a: CorrectiveAction, finalizedAt: string | null): ActionTrack {
  const t = stmt(db, 'SELECT * FROM action_tracks WHERE action_id = ?').get(a.id) as Row | undefined;
  const evidence = (stmt(db, 'SELECT * FROM closure_evidence WHERE action_id = ? ORDER BY received_at, id').all(a.id) as Row[]).map(evidenceFromRow);
  const base = {
    actionId: a.id, auditId: a.auditId, findingId: a.findingId, evidence, history: historyOf(db, a.auditId, a.id),
  };
  if (!t) {
    return { ...base, status: initialStatus(a), statusDate: (finalizedAt ?? nowIso()).slice(0, 10), note: '', verifiedBy: '', updatedAt: finalizedAt ?? '' };
  }
  return {
    ...base, status: t.status as TrackStatus, statusDate: t.status_date as string, note: t.note as string, verifiedBy: t.verified_by as string,
    updatedAt: t.updated_at as string,
  };
}

/** Every action of a finalized audit with where it stands now. */
export function listTracks(core: Core, auditId: string): ActionTrack[] {
  const audit = getAudit(core.db, auditId);
  const actions = (stmt(core.db, 'SELECT * FROM corrective_actions WHERE audit_id = ? ORDER BY id').all(auditId) as Row[]).map(actionFromRow);
  return actions.map((a) => trackOf(core.db, a, audit.finalizedAt));
}

export function updateTrack(core: Core, input: ActionUpdateInput): ActionTrack {
  const db = core.db;
  return write(core, () => {
    const a = actionOf(db, input.actionId);
    const audit = finalizedAuditOf(db, a);
    const current = trackOf(db, a, audit.finalizedAt);
    if (!NEXT_STATUSES[current.status].includes(input.status)) {
      const allowed = NEXT_STATUSES[current.status];
      const status = (s: TrackStatus) => msg(STATUS_NAMES[s]);
      throw refusal('conflict', allowed.length
        ? msg('action.moveOnly', { status: status(current.status), allowed: joined(allowed.map(status), 'core.or') })
        : msg('action.closedFinal'), [fieldText('status', msg('problem.notFromStatus'))]);
    }
    if (VERIFIED_STATUSES.has(input.status) && !input.verifiedBy) {
      throw refusal('invalid_input', msg('action.whoVerified'), [fieldText('verifiedBy', msg('problem.required'))]);
    }
    if (input.date < audit.endDate) throw refusal('invalid_input', msg('action.dateBeforeAudit', { date: audit.endDate }), [fieldText('date', msg('problem.beforeAudit'))]);
    if (input.date > today()) throw refusal('invalid_input', msg('action.dateFuture'), [fieldText('date', msg('problem.future'))]);
    const now = nowIso();
    const next = { status: input.status, date: input.date, note: input.note, verifiedBy: VERIFIED_STATUSES.has(input.status) ? input.verifiedBy : '' };
    stmt(db, `INSERT INTO action_tracks (action_id, audit_id, status, status_date, note, verified_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (action_id) DO UPDATE SET status = excluded.status, status_date = excluded.status_date, note = excluded.note,
        verified_by = excluded.verified_by, updated_at = excluded.updated_at`).run(a.id, a.auditId, next.status, next.date, next.note, next.verifiedBy, now);
    appendActionEvent(db, {
      auditId: a.auditId, actor: core.actor, entity: 'action_track', entityId: a.id, action: 'status',
      old: { status: current.status, date: current.statusDate }, new: { ...next, findingId: a.findingId },
    });
    return trackOf(db, a, audit.finalizedAt);
  });
}

export function addClosureEvidence(core: Core, input: ClosureEvidenceInput): ActionTrack {
  const db = core.db;
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0) throw refusal('invalid_input', msg('action.fileEmpty'), [fieldText('data', msg('problem.empty'))]);
  if (bytes.length > CLOSURE_FILE_MAX_BYTES) throw refusal('invalid_input', msg('action.fileTooLarge'), [fieldText('data', msg('problem.tooLarge'))]);
  // Checked before the file is stored, so a refused call leaves nothing behind.
  const pre = actionOf(db, input.actionId);
  const preAudit = finalizedAuditOf(db, pre);
  if (input.receivedAt > today()) throw refusal('invalid_input', msg('action.receivedFuture'), [fieldText('receivedAt', msg('problem.future'))]);
  if (input.receivedAt < preAudit.startDate) throw refusal('invalid_input', msg('action.receivedBefore', { date: preAudit.startDate }), [fieldText('receivedAt', msg('problem.beforeAudit'))]);
  const sha256 = sha256Hex(bytes);
  const dir = closureDir(core);
  privateDir(dir);
  const file = join(dir, sha256);
  // Content-addressed: the same bytes twice are one file.
  if (!existsSync(file)) writeFileAtomicSync(file, bytes);
  return write(core, () => {
    const a = actionOf(db, input.actionId);
    const audit = finalizedAuditOf(db, a);
    const e: ClosureEvidence = {
      id: uuidv7(), actionId: a.id, sha256, name: input.name, mediaType: input.mediaType, size: bytes.length, source: input.source,
      receivedAt: input.receivedAt, description: input.description, addedAt: nowIso(),
    };
    stmt(db, `INSERT INTO closure_evidence (id, action_id, audit_id, sha256, name, media_type, size, source, received_at, description, added_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(e.id, e.actionId, a.auditId, e.sha256, e.name, e.mediaType, e.size, e.source, e.receivedAt, e.description, e.addedAt);
    appendActionEvent(db, { auditId: a.auditId, actor: core.actor, entity: 'closure_evidence', entityId: e.id, action: 'create', old: null, new: e });
    return trackOf(db, a, audit.finalizedAt);
  });
}
