// The audit filters every HQ read shares, as a WHERE clause with positional
// parameters over hq_audit (alias a). Standard SQL only: EXISTS, LIKE, lower.
import type { HqAuditFilter } from '../../../../shared/domain/hq';

export interface Where {
  sql: string;
  params: unknown[];
}

/** Owner as HQ enrolled it: the audit's owner key (hand-overs included), else the key that signed it. */
export const AUDIT_FROM = `hq_audit a
  LEFT JOIN audit_owners o ON o.audit_id = a.audit_id
  LEFT JOIN auditors au ON au.fingerprint = COALESCE(o.fingerprint, a.signer_fingerprint)`;

/** hq_audit alone, for counts: every filter works on it (auditorWhere uses subqueries). */
export const AUDIT_ONLY = 'hq_audit a';

export const today = (): string => new Date().toISOString().slice(0, 10);

/** `%`, `_` and the escape character itself match literally in a LIKE pattern. */
export const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `t`: the alias of the table holding the audit's columns (hq_audit, or hq_fact, which copies them). */
export function auditWhere(f: Partial<HqAuditFilter>, t = 'a'): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => { parts.push(t === 'a' ? sql : sql.replace(/\ba\./g, `${t}.`)); params.push(...p); };
  if (!f.includeSuperseded) add('a.superseded = 0');
  if (f.client) add('EXISTS (SELECT 1 FROM hq_audit_client c WHERE c.audit_id = a.audit_id AND c.client = ?)', f.client);
  if (f.country) add('a.country = ?', f.country);
  if (f.siteId) add('a.site_id = ?', f.siteId);
  // By subquery, so counting queries need no join to the owners.
  if (f.auditorId) {
    add(`COALESCE((SELECT o2.fingerprint FROM audit_owners o2 WHERE o2.audit_id = a.audit_id), a.signer_fingerprint)
      IN (SELECT au2.fingerprint FROM auditors au2 WHERE au2.auditor_id = ?)`, f.auditorId);
  }
  if (f.band) add('a.band = ?', f.band);
  if (f.from) add('a.start_date >= ?', f.from);
  if (f.to) add('a.start_date <= ?', f.to);
  if (f.status) add('a.status = ?', f.status);
  if (f.conflict !== undefined) add('a.conflict = ?', f.conflict ? 1 : 0);
  if (f.text) {
    const p = likePattern(f.text);
    add(`(lower(a.site_name) LIKE ? ESCAPE '\\' OR a.audit_id = ?
      OR EXISTS (SELECT 1 FROM hq_audit_client c WHERE c.audit_id = a.audit_id AND lower(c.client) LIKE ? ESCAPE '\\'))`, p, f.text, p);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

/** ORDER BY a column with nulls last on every engine (SQLite and PostgreSQL disagree by default). */
export const orderBy = (column: string, dir: 'asc' | 'desc'): string =>
  `CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END, ${column} ${dir === 'desc' ? 'DESC' : 'ASC'}`;

/**
 * Where hq_fact's rows (alias a) come from under a filter. A filter that
 * picks out some audits (a client, a country, a site, an auditor, a band, a
 * status, a search) finds them through hq_audit's own indexes first and
 * reads only their facts (CROSS JOIN keeps that order in SQLite; in standard
 * SQL it is an inner join). None, or dates alone, read hq_fact's covering
 * indexes on their own: every current audit is wanted anyway.
 */
export function factSource(f: Partial<HqAuditFilter>): { from: string; where: Where } {
  const narrow = Boolean(f.client || f.country || f.siteId || f.auditorId || f.band || f.status || f.text || f.conflict !== undefined);
  if (!narrow) return { from: 'hq_fact a', where: auditWhere(f) };
  const w = auditWhere(f, 's');
  return { from: 'hq_audit s CROSS JOIN hq_fact a', where: { sql: `a.audit_id = s.audit_id AND ${w.sql}`, params: w.params } };
}
