// The values HQ's filters accept, and the check that a filter names only
// those. A filter value HQ holds no audit of (a misspelt client, a country
// code nobody audits, an auditor never enrolled) is refused with what to do,
// rather than answered with an empty list that reads as "all clear".
import type { Db } from '../../store/db';
import type { HqAuditFilter, HqFilterOptions } from '../../../../shared/domain/hq';
import { AppError, type FieldError } from '../../../../shared/errors';

type Row = Record<string, unknown>;
const column = (rows: unknown[], key: string): string[] => (rows as Row[]).map((r) => r[key] as string);

export function filterOptions(db: Db): HqFilterOptions {
  return {
    clients: column(db.prepare('SELECT DISTINCT client FROM hq_audit_client ORDER BY client').all(), 'client'),
    countries: column(db.prepare('SELECT DISTINCT country FROM hq_audit ORDER BY country').all(), 'country'),
    sites: (db.prepare(`SELECT a.site_id, a.site_name, a.country FROM hq_audit a
      WHERE a.superseded = 0 AND NOT EXISTS (SELECT 1 FROM hq_audit b WHERE b.site_id = a.site_id AND b.superseded = 0
        AND (b.start_date > a.start_date OR (b.start_date = a.start_date AND b.audit_id > a.audit_id)))
      ORDER BY a.site_name, a.site_id`).all() as Row[])
      .map((r) => ({ siteId: r.site_id as string, name: r.site_name as string, country: r.country as string })),
    auditors: (db.prepare('SELECT DISTINCT auditor_id, name FROM auditors ORDER BY name, auditor_id').all() as Row[])
      .map((r) => ({ auditorId: r.auditor_id as string, name: r.name as string })),
    bands: column(db.prepare('SELECT DISTINCT band FROM hq_audit WHERE band IS NOT NULL ORDER BY band').all(), 'band'),
  };
}

const has = (db: Db, sql: string, value: unknown): boolean => db.prepare(sql).get(value) !== undefined;

/** Throws invalid_input naming every filter value HQ does not know, and a date range that ends before it starts. */
export function checkFilter(db: Db, f: Partial<HqAuditFilter>, path = 'filter'): void {
  const bad: FieldError[] = [];
  const unknown = (field: keyof HqAuditFilter, message: string) => bad.push({ path: `${path}.${field}`, message });
  if (f.client && !has(db, 'SELECT 1 FROM hq_audit_client WHERE client = ? LIMIT 1', f.client)) {
    unknown('client', `No audit at headquarters is for the client "${f.client}". Choose a client from the list.`);
  }
  if (f.country && !has(db, 'SELECT 1 FROM hq_audit WHERE country = ? LIMIT 1', f.country)) {
    unknown('country', `No audit at headquarters is of a site in the country "${f.country}". Choose a country from the list.`);
  }
  if (f.siteId && !has(db, 'SELECT 1 FROM hq_audit WHERE site_id = ? LIMIT 1', f.siteId)) {
    unknown('siteId', `Headquarters holds no audit of the site ${f.siteId}. Choose a site from the list.`);
  }
  if (f.auditorId && !has(db, 'SELECT 1 FROM auditors WHERE auditor_id = ? LIMIT 1', f.auditorId)) {
    unknown('auditorId', `No auditor with the ID "${f.auditorId}" is enrolled at headquarters. Choose an auditor from the list.`);
  }
  if (f.band && !has(db, 'SELECT 1 FROM hq_audit WHERE band = ? LIMIT 1', f.band)) {
    unknown('band', `No audit at headquarters was rated "${f.band}". Choose a band from the list.`);
  }
  if (f.from && f.to && f.from > f.to) unknown('to', `The period ends (${f.to}) before it starts (${f.from}). Put the later date in "to".`);
  if (bad.length) throw new AppError('invalid_input', bad.map((b) => b.message).join(' '), bad);
}
