// The audits `fairsite hq status` lists, in SQL both engines run as written.
import type { HqAudit } from '../../../../shared/domain/sync';

// The auditor is who HQ enrolled the owning key as, never a name a manifest gave.
export const AUDITS_SQL = `SELECT a.audit_id, a.conflict, a.heads, v.site_name, v.revision, v.status, v.event_count,
    coalesce(au.auditor_id, '(unknown key)') AS auditor_id
  FROM audits a JOIN audit_versions v ON v.audit_id = a.audit_id AND v.head_hash = a.current_head
  LEFT JOIN audit_owners o ON o.audit_id = a.audit_id
  LEFT JOIN auditors au ON au.fingerprint = coalesce(o.fingerprint, v.fingerprint)
  ORDER BY a.conflict DESC, v.site_name, a.audit_id`;

export const auditsOf = (rows: Array<Record<string, unknown>>): HqAudit[] => rows.map((r) => ({
  auditId: r.audit_id as string, siteName: r.site_name as string, revision: r.revision as number, status: r.status as string,
  events: r.event_count as number, auditorId: r.auditor_id as string, versions: r.heads as number, conflict: r.conflict === 1,
}));
