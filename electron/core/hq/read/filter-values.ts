// The values HQ's filters accept, and the check that a filter names only
// those. A filter value HQ holds no audit of (a misspelt client, a country
// code nobody audits, an auditor never enrolled) is refused with what to do,
// rather than answered with an empty list that reads as "all clear".
import type { Db } from '../../store/db';
import type { HqAuditFilter, HqFilterOptions } from '../../../../shared/domain/hq';
import type { FieldError } from '../../../../shared/errors';
import { fieldText, joined, refusal } from '../../../../shared/core-messages';
import { msg, type Message } from '../../../../shared/messages';

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
  const unknown = (field: keyof HqAuditFilter, text: Message) => bad.push(fieldText(`${path}.${field}`, text));
  if (f.client && !has(db, 'SELECT 1 FROM hq_audit_client WHERE client = ? LIMIT 1', f.client)) {
    unknown('client', msg('hqRead.noClient', { client: f.client }));
  }
  if (f.country && !has(db, 'SELECT 1 FROM hq_audit WHERE country = ? LIMIT 1', f.country)) {
    unknown('country', msg('hqRead.noCountry', { country: f.country }));
  }
  if (f.siteId && !has(db, 'SELECT 1 FROM hq_audit WHERE site_id = ? LIMIT 1', f.siteId)) {
    unknown('siteId', msg('hqRead.noSite', { site: f.siteId }));
  }
  if (f.auditorId && !has(db, 'SELECT 1 FROM auditors WHERE auditor_id = ? LIMIT 1', f.auditorId)) {
    unknown('auditorId', msg('hqRead.noAuditor', { auditor: f.auditorId }));
  }
  if (f.band && !has(db, 'SELECT 1 FROM hq_audit WHERE band = ? LIMIT 1', f.band)) {
    unknown('band', msg('hqRead.noBand', { band: f.band }));
  }
  if (f.from && f.to && f.from > f.to) unknown('to', msg('hqRead.periodReversed', { from: f.from, to: f.to }));
  if (bad.length) throw refusal('invalid_input', joined(bad.map((b) => b.text!)) as Message, bad);
}
