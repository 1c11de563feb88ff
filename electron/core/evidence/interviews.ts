// Worker interviews: pseudonymous (a code such as W-07, never a name) and
// private. A worker's protection from retaliation depends on what is said
// staying on this laptop, so the event log records only that an interview
// changed and which fields, never its content; reports and bundles read
// interviews only through interviewsForExport (interview-export.ts).
import type { Core } from '../core';
import type { Interview, InterviewInput } from '../../../shared/domain/evidence';
import { uuidv7 } from '../../../shared/ids';
import { editableAudit, getAudit, touchAudit } from '../store/repos/audits';
import { record } from '../store/repos/record';
import { nowIso } from '../store/clock';
import { loadTemplate } from '../store/repos/templates';
import { write } from '../store/write';
import { fieldText, refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

type Row = Record<string, unknown>;

export const interviewFromRow = (r: Row): Interview => ({
  id: r.id as string, auditId: r.audit_id as string, code: r.code as string, type: r.type as Interview['type'],
  role: r.role as string, tenureBand: r.tenure_band as Interview['tenureBand'], language: r.language as string,
  interviewer: r.interviewer as string, consent: r.consent === 1, topics: JSON.parse(r.topics as string) as string[],
  findingsRaised: JSON.parse(r.findings_raised as string) as string[], notes: r.notes as string,
  excerpts: JSON.parse(r.excerpts as string) as Interview['excerpts'], createdAt: r.created_at as string, updatedAt: r.updated_at as string,
});

export function listInterviews(core: Core, auditId: string): Interview[] {
  getAudit(core.db, auditId);
  return (core.db.prepare('SELECT * FROM interviews WHERE audit_id = ? ORDER BY code').all(auditId) as Row[]).map(interviewFromRow);
}

function getInterview(core: Core, id: string): Interview | null {
  const r = core.db.prepare('SELECT * FROM interviews WHERE id = ?').get(id) as Row | undefined;
  return r ? interviewFromRow(r) : null;
}

const FIELDS = ['code', 'type', 'role', 'tenureBand', 'language', 'interviewer', 'consent', 'topics', 'findingsRaised', 'notes', 'excerpts'] as const;

/** What the audit trail may say about an interview: no notes, no excerpts, no role. */
function trailEntry(i: Interview, old: Interview | null) {
  const changed = FIELDS.filter((f) => !old || JSON.stringify(old[f]) !== JSON.stringify(i[f]));
  return { code: i.code, type: i.type, consent: i.consent, changed, excerptsMarked: i.excerpts.filter((e) => e.include).length };
}

export function saveInterview(core: Core, input: InterviewInput): Interview {
  return write(core, () => {
    const audit = editableAudit(core.db, input.auditId);
    // Items an interview raised are references like a document's: only items of this audit's checklist.
    const items = loadTemplate(core, audit.templateId).items;
    const unknown = input.findingsRaised.findIndex((id) => !items.has(id));
    if (unknown >= 0) throw refusal('invalid_input', msg('evidence.noItem', { item: input.findingsRaised[unknown]! }), [fieldText(`findingsRaised[${unknown}]`, msg('problem.noItem'))]);
    const old = input.id ? getInterview(core, input.id) : null;
    if (input.id && !old) throw refusal('not_found', msg('interview.gone'));
    if (old && old.auditId !== input.auditId) throw refusal('conflict', msg('interview.otherAudit'));
    const clash = core.db.prepare('SELECT id FROM interviews WHERE audit_id = ? AND code = ? AND id IS NOT ?').get(input.auditId, input.code, old?.id ?? null);
    if (clash) throw refusal('conflict', msg('interview.codeUsed', { code: input.code }), [fieldText('code', msg('problem.used'))]);
    const now = nowIso();
    const i: Interview = {
      ...input, id: old?.id ?? uuidv7(), topics: [...new Set(input.topics)], findingsRaised: [...new Set(input.findingsRaised)],
      createdAt: old?.createdAt ?? now, updatedAt: now,
    };
    core.db.prepare(`INSERT INTO interviews (id, audit_id, code, type, role, tenure_band, language, interviewer, consent, topics, findings_raised, notes, excerpts, created_at, updated_at)
      VALUES (@id, @auditId, @code, @type, @role, @tenureBand, @language, @interviewer, @consent, @topics, @findingsRaised, @notes, @excerpts, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET code = excluded.code, type = excluded.type, role = excluded.role, tenure_band = excluded.tenure_band,
        language = excluded.language, interviewer = excluded.interviewer, consent = excluded.consent, topics = excluded.topics,
        findings_raised = excluded.findings_raised, notes = excluded.notes, excerpts = excluded.excerpts, updated_at = excluded.updated_at`)
      .run({ ...i, consent: i.consent ? 1 : 0, topics: JSON.stringify(i.topics), findingsRaised: JSON.stringify(i.findingsRaised), excerpts: JSON.stringify(i.excerpts) });
    record(core, i.auditId, 'interview', i.id, old ? 'update' : 'create', old ? { code: old.code } : null, trailEntry(i, old));
    touchAudit(core.db, i.auditId);
    return i;
  });
}

export function deleteInterview(core: Core, id: string): { deleted: boolean } {
  return write(core, () => {
    const old = getInterview(core, id);
    if (!old) throw refusal('not_found', msg('interview.gone'));
    editableAudit(core.db, old.auditId);
    core.db.prepare('DELETE FROM interviews WHERE id = ?').run(id);
    record(core, old.auditId, 'interview', id, 'delete', { code: old.code }, null);
    touchAudit(core.db, old.auditId);
    return { deleted: true };
  });
}
