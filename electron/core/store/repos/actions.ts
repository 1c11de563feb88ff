import { stmt } from '../stmt';
import type { Core } from '../../core';
import { ActionInput, type ActionFormInput, type CorrectiveAction } from '../../../../shared/domain/finding';
import { uuidv7 } from '../../../../shared/ids';
import { editableAudit, touchAudit } from './audits';
import { record } from './record';
import { actionFromRow } from './rows';
import { nowIso } from '../clock';
import { write } from '../write';
import { fieldText, refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

type Row = Record<string, unknown>;

function getAction(core: Core, id: string): CorrectiveAction | null {
  const r = stmt(core.db, 'SELECT * FROM corrective_actions WHERE id = ?').get(id) as Row | undefined;
  return r ? actionFromRow(r) : null;
}

/** A fixed due date, or (collaborative action) a progress review date instead. */
function checkDates(input: ActionInput): void {
  if (input.collaborative && !input.reviewDate) {
    throw refusal('invalid_input', msg('action.collaborative'), [fieldText('reviewDate', msg('problem.reviewDate'))]);
  }
  if (!input.collaborative && !input.dueDate) {
    throw refusal('invalid_input', msg('action.dueDate'), [fieldText('dueDate', msg('problem.required'))]);
  }
}

export function saveAction(core: Core, raw: ActionFormInput): CorrectiveAction {
  // Direct callers (demo, tests) may leave the CAPR fields out: their defaults apply.
  const input = ActionInput.parse(raw);
  const db = core.db;
  return write(core, () => {
    const f = stmt(db, 'SELECT audit_id FROM findings WHERE id = ?').get(input.findingId) as { audit_id: string } | undefined;
    if (!f) throw refusal('not_found', msg('finding.missing'), [fieldText('findingId', msg('problem.noFinding'))]);
    editableAudit(db, f.audit_id);
    const now = nowIso();
    const old = input.id ? getAction(core, input.id) : null;
    if (input.id && !old) throw refusal('not_found', msg('action.gone'), [fieldText('id', msg('problem.noAction'))]);
    if (old && old.findingId !== input.findingId) throw refusal('conflict', msg('action.otherFinding'), [fieldText('findingId', msg('problem.otherAction'))]);
    checkDates(input);
    const a: CorrectiveAction = {
      id: old?.id ?? uuidv7(), auditId: f.audit_id, findingId: input.findingId, action: input.action, owner: input.owner,
      dueDate: input.dueDate, status: input.status, verification: input.verification,
      objectiveEvidence: input.objectiveEvidence, rootCause: input.rootCause, preventiveAction: input.preventiveAction, timescale: input.timescale,
      verificationMethod: input.verificationMethod, siteComments: input.siteComments, siteAcceptance: input.siteAcceptance,
      collaborative: input.collaborative, reviewDate: input.collaborative ? input.reviewDate : '',
      createdAt: old?.createdAt ?? now, updatedAt: now,
    };
    stmt(db, `INSERT INTO corrective_actions (id, audit_id, finding_id, action, owner, due_date, status, verification, objective_evidence, root_cause,
        preventive_action, timescale, verification_method, site_comments, site_acceptance, collaborative, review_date, created_at, updated_at)
      VALUES (@id, @auditId, @findingId, @action, @owner, @dueDate, @status, @verification, @objectiveEvidence, @rootCause,
        @preventiveAction, @timescale, @verificationMethod, @siteComments, @siteAcceptance, @collab, @reviewDate, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET action = excluded.action, owner = excluded.owner, due_date = excluded.due_date,
        status = excluded.status, verification = excluded.verification, objective_evidence = excluded.objective_evidence,
        root_cause = excluded.root_cause, preventive_action = excluded.preventive_action, timescale = excluded.timescale,
        verification_method = excluded.verification_method, site_comments = excluded.site_comments,
        site_acceptance = excluded.site_acceptance, collaborative = excluded.collaborative, review_date = excluded.review_date,
        updated_at = excluded.updated_at`).run({ ...a, collab: a.collaborative ? 1 : 0 });
    record(core, a.auditId, 'action', a.id, old ? 'update' : 'create', old, a);
    touchAudit(db, a.auditId);
    return a;
  });
}

export function deleteAction(core: Core, id: string): { deleted: boolean } {
  return write(core, () => {
    const old = getAction(core, id);
    if (!old) return { deleted: false };
    editableAudit(core.db, old.auditId);
    stmt(core.db, 'DELETE FROM corrective_actions WHERE id = ?').run(id);
    record(core, old.auditId, 'action', id, 'delete', old, null);
    touchAudit(core.db, old.auditId);
    return { deleted: true };
  });
}
