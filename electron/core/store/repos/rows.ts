// Database rows (snake_case, JSON text, 0/1) to domain objects and back.
import type { Audit } from '../../../../shared/domain/audit';
import type { CorrectiveAction, Finding, Note } from '../../../../shared/domain/finding';
import type { Response } from '../../../../shared/domain/response';
import type { Site } from '../../../../shared/domain/site';
import { LegalProfile } from '../../../../shared/domain/legal-profile';

type Row = Record<string, unknown>;
const s = (v: unknown) => v as string;
const sn = (v: unknown) => (v ?? null) as string | null;

export function siteFromRow(r: Row): Site {
  return {
    id: s(r.id), name: s(r.name), clients: JSON.parse(s(r.clients)) as string[], address: s(r.address),
    country: s(r.country), headcount: (r.headcount ?? null) as number | null, shifts: s(r.shifts),
    currency: s(r.currency), legal: LegalProfile.parse(JSON.parse(s(r.legal_profile))),
    timeZone: typeof r.time_zone === 'string' ? r.time_zone : '',
    createdAt: s(r.created_at), updatedAt: s(r.updated_at),
  };
}

export function auditFromRow(r: Row): Audit {
  return {
    id: s(r.id), siteId: s(r.site_id), templateId: s(r.template_id), revision: r.revision as number,
    previousId: sn(r.previous_id), status: s(r.status) as Audit['status'], type: s(r.type) as Audit['type'],
    startDate: s(r.start_date), endDate: s(r.end_date), team: JSON.parse(s(r.team)) as string[], scope: s(r.scope),
    leadAuditor: s(r.lead_auditor), createdAt: s(r.created_at), updatedAt: s(r.last_change ?? r.updated_at),
    finalizedAt: sn(r.finalized_at), contentHash: sn(r.content_hash),
    kind: (r.kind ?? 'full') as Audit['kind'], followUpOf: sn(r.follow_up_of), followUpMode: (r.follow_up_mode ?? '') as Audit['followUpMode'],
  };
}

export function responseFromRow(r: Row): Response {
  return {
    id: s(r.id), auditId: s(r.audit_id), itemId: s(r.item_id),
    value: r.value == null ? null : (JSON.parse(s(r.value)) as Response['value']),
    note: s(r.note), severity: sn(r.severity) as Response['severity'], zeroTolerance: r.zero_tolerance === 1,
    updatedAt: s(r.updated_at), updatedBy: s(r.updated_by),
  };
}

export function findingFromRow(r: Row): Finding {
  return {
    id: s(r.id), auditId: s(r.audit_id), itemId: s(r.item_id), sectionId: s(r.section_id),
    severity: sn(r.severity) as Finding['severity'], zeroTolerance: r.zero_tolerance === 1,
    source: s(r.source) as Finding['source'], summary: s(r.summary), note: s(r.note),
    createdAt: s(r.created_at), updatedAt: s(r.updated_at),
  };
}

export function actionFromRow(r: Row): CorrectiveAction {
  return {
    id: s(r.id), auditId: s(r.audit_id), findingId: s(r.finding_id), action: s(r.action), owner: s(r.owner),
    dueDate: s(r.due_date), status: s(r.status) as CorrectiveAction['status'], verification: s(r.verification),
    objectiveEvidence: s(r.objective_evidence), rootCause: s(r.root_cause), preventiveAction: s(r.preventive_action),
    timescale: s(r.timescale) as CorrectiveAction['timescale'], verificationMethod: s(r.verification_method) as CorrectiveAction['verificationMethod'],
    siteComments: s(r.site_comments), siteAcceptance: (s(r.site_acceptance) || 'pending') as CorrectiveAction['siteAcceptance'],
    collaborative: r.collaborative === 1, reviewDate: (r.review_date ?? '') as string,
    createdAt: s(r.created_at), updatedAt: s(r.updated_at),
  };
}

export function noteFromRow(r: Row): Note {
  return {
    id: s(r.id), auditId: s(r.audit_id), scope: s(r.scope) as Note['scope'], ref: s(r.ref), body: s(r.body),
    createdAt: s(r.created_at), updatedAt: s(r.updated_at),
  };
}

