// HQ's read queries over a real organisation (two laptops' bundles): the
// audit list's filters, sort and pages; sites with band and trend; the
// tracker (who acts by when); the dashboard's counts against the laptops'
// own records.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AS_OF, makeOrg, overdueOnLaptop, type Org } from './org';
import { listHqAudits, type AuditListInput } from '../../../electron/core/hq/read/audits';
import { listHqSites } from '../../../electron/core/hq/read/sites';
import { trackHq, type TrackerInput } from '../../../electron/core/hq/read/tracker';
import { hqDashboard } from '../../../electron/core/hq/read/dashboard';

let root: string;
let org: Org;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqq-'));
  org = await makeOrg(root);
}, 120_000);
afterAll(() => {
  org.close();
  rmSync(root, { recursive: true, force: true });
});

const list = (filter: Partial<AuditListInput['filter']> = {}, sort: Partial<AuditListInput['sort']> = {}, page: Partial<AuditListInput['page']> = {}) =>
  listHqAudits(org.hq.db, { filter: { includeSuperseded: false, ...filter }, sort: { by: 'startDate', dir: 'asc', ...sort }, page: { offset: 0, limit: 50, ...page } }, AS_OF);

const tracker = (filter: Partial<TrackerInput['filter']> = {}, sort: Partial<TrackerInput['sort']> = {}) =>
  trackHq(org.hq.db, { filter: { kinds: ['finding', 'overdue_action', 'zero_tolerance'], severities: ['critical', 'major'], asOf: AS_OF, ...filter }, sort: { by: 'dueDate', dir: 'asc', ...sort }, page: { offset: 0, limit: 500 } });

describe('hq.audits', () => {
  test('every audit of both auditors, each named by its enrolment', () => {
    const all = list();
    expect(all.total).toBe(5);
    expect(all.rows.filter((r) => r.auditorId === 'AUD-001').map((r) => r.auditorName)).toEqual(['Asha Rao', 'Asha Rao']);
    expect(list({ auditorId: 'AUD-002' }).total).toBe(3);
  });

  test('filters narrow: country, client, site, band, status, dates, free text (LIKE wildcards taken literally)', () => {
    expect(list({ country: 'IN' }).rows.map((r) => r.auditId)).toEqual([org.pune]);
    expect(list({ client: 'Acme Bank' }).rows.map((r) => r.auditId)).toEqual([org.pune]);
    expect(list({ client: 'Harbor Telecom' }).total).toBe(4);
    const finalized = list({ status: 'finalized' });
    expect(finalized.total).toBe(2);
    const band = finalized.rows[0]!.band!;
    expect(list({ band }).rows.every((r) => r.band === band && r.status === 'finalized')).toBe(true);
    expect(list({ from: '2026-10-01', to: '2026-10-31' }).rows.map((r) => r.auditId)).toEqual([org.pune]);
    expect(list({ siteId: list({ country: 'IN' }).rows[0]!.siteId }).total).toBe(1);
    expect(list({ text: 'meridian' }).total).toBe(1);
    expect(list({ text: 'acme' }).total).toBe(1);
    expect(list({ text: '%' }).total).toBe(0);
  });

  test('sorted both ways and paged, the total unchanged by the page', () => {
    const asc = list({}, { by: 'site', dir: 'asc' }).rows.map((r) => r.siteName);
    expect(asc).toEqual([...asc].sort());
    const desc = list({}, { by: 'site', dir: 'desc' }).rows.map((r) => r.siteName);
    expect(desc).toEqual([...asc].reverse());
    const page = list({}, { by: 'startDate' }, { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.auditId)).toEqual(list().rows.slice(1, 3).map((r) => r.auditId));
    // Bands sort with the unrated (in progress) last, whichever way.
    expect(list({}, { by: 'band', dir: 'desc' }).rows.at(-1)!.band).toBeNull();
  });
});

describe('hq.sites', () => {
  test('three sites; the finalized demo sites show their band as new, Pune none yet; open findings and overdue actions by site', () => {
    const { total, rows } = listHqSites(org.hq.db, { filter: {}, sort: { by: 'name', dir: 'asc' }, page: { offset: 0, limit: 50 } }, AS_OF);
    expect(total).toBe(3);
    const pune = rows.find((r) => r.country === 'IN')!;
    expect(pune).toMatchObject({ name: 'Meridian Data Services, Pune', audits: 1, latestBand: null, trend: null, clients: ['Acme Bank'] });
    expect(pune.openFindings).toEqual({ critical: 1, major: 0, minor: 1 });
    expect(pune.overdueActions).toBe(1);
    const demo = rows.filter((r) => r.country === 'PH');
    expect(demo).toHaveLength(2);
    for (const s of demo) {
      expect(s.trend).toBe('new');
      expect(s.latestBand).toBe(s.history.find((h) => h.status === 'finalized')!.band);
      expect(s.history).toHaveLength(2);
    }
    expect(listHqSites(org.hq.db, { filter: { client: 'Acme Bank' }, sort: { by: 'name', dir: 'asc' }, page: { offset: 0, limit: 50 } }, AS_OF).total).toBe(1);
    // The total comes with the page, and apart from it for a page past the end.
    const second = listHqSites(org.hq.db, { filter: {}, sort: { by: 'name', dir: 'asc' }, page: { offset: 1, limit: 1 } }, AS_OF);
    expect(second).toMatchObject({ total: 3, rows: [{ siteId: rows[1]!.siteId }] });
    expect(listHqSites(org.hq.db, { filter: {}, sort: { by: 'name', dir: 'asc' }, page: { offset: 5, limit: 10 } }, AS_OF)).toEqual({ total: 3, rows: [] });
    expect(listHqSites(org.hq.db, { filter: { country: 'XX' }, sort: { by: 'name', dir: 'asc' }, page: { offset: 0, limit: 10 } }, AS_OF)).toEqual({ total: 0, rows: [] });
    // Unrated last, whichever way the bands sort.
    for (const dir of ['asc', 'desc'] as const) {
      expect(listHqSites(org.hq.db, { filter: {}, sort: { by: 'latestBand', dir }, page: { offset: 0, limit: 10 } }, AS_OF).rows.at(-1)!.latestBand).toBeNull();
    }
  });
});

describe('hq.tracker', () => {
  test('overdue actions: exactly the laptops\' open actions past their due date, each with who acts and by when', () => {
    const t = tracker({ kinds: ['overdue_action'], severities: ['critical', 'major', 'minor'] });
    expect(t.counts.overdue_action).toBe(overdueOnLaptop(org.a.core) + overdueOnLaptop(org.b.core));
    expect(t.rows.length).toBe(t.counts.overdue_action);
    for (const r of t.rows) {
      expect(r.owner).toBeTruthy();
      expect(r.dueDate! < AS_OF).toBe(true);
      expect(r.daysOverdue).toBeGreaterThan(0);
    }
    const pune = t.rows.find((r) => r.auditId === org.pune)!;
    expect(pune).toMatchObject({ owner: 'Site facilities manager', dueDate: '2026-10-07', daysOverdue: 54, severity: 'critical' });
  });

  test('zero-tolerance alerts and open critical findings; the minor one only when asked for', () => {
    const t = tracker({ country: 'IN' });
    expect(t.counts).toEqual({ finding: 1, overdue_action: 1, zero_tolerance: 1 });
    const zt = t.rows.find((r) => r.kind === 'zero_tolerance')!;
    expect(zt).toMatchObject({ severity: 'critical', zeroTolerance: true, owner: 'Site facilities manager', dueDate: '2026-10-07', actionStatus: 'open' });
    expect(tracker({ country: 'IN', kinds: ['finding'], severities: ['minor'] }).rows.map((r) => [r.severity, r.owner, r.dueDate, r.daysOverdue]))
      .toEqual([['minor', 'HR lead', '2027-01-31', null]]);
  });

  test('sorted by days overdue, the most overdue first; by severity, criticals first', () => {
    const byDays = tracker({ kinds: ['overdue_action'] }, { by: 'daysOverdue', dir: 'desc' }).rows.map((r) => r.daysOverdue!);
    expect(byDays).toEqual([...byDays].sort((x, y) => y - x));
    const bySeverity = tracker({}, { by: 'severity', dir: 'asc' }).rows.map((r) => r.severity);
    expect(bySeverity[0]).toBe('critical');
    expect(bySeverity.indexOf('critical')).toBeLessThan(bySeverity.lastIndexOf('major') + 1);
    expect(bySeverity.lastIndexOf('critical')).toBeLessThan(bySeverity.indexOf('major'));
    for (const [by, field] of [['site', 'siteName'], ['auditor', 'auditorName'], ['country', 'country'], ['dueDate', 'dueDate']] as const) {
      const values = tracker({}, { by, dir: 'desc' }).rows.map((r) => r[field] ?? '');
      expect(values, by).toEqual([...values].sort().reverse());
    }
    // Paged: the pages of a sort put together are the whole sorted list.
    const all = tracker({}, { by: 'site', dir: 'asc' }).rows.map((r) => `${r.kind}/${r.findingId}/${r.actionId}`);
    const paged = [0, 3, 6, 9, 12].flatMap((offset) => trackHq(org.hq.db, { filter: { kinds: ['finding', 'overdue_action', 'zero_tolerance'], severities: ['critical', 'major'], asOf: AS_OF },
      sort: { by: 'site', dir: 'asc' }, page: { offset, limit: 3 } }).rows.map((r) => `${r.kind}/${r.findingId}/${r.actionId}`));
    expect(paged).toEqual(all.slice(0, 15));
  });
});

describe('hq.dashboard', () => {
  test('counts agree with the laptops: findings, overdue actions, bands by country and client; Pune\'s overdue action by site', () => {
    const d = hqDashboard(org.hq.db, { filter: {}, asOf: AS_OF, top: 10 });
    const lapFindings = (c: typeof org.a.core) => (c.db.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n;
    expect(d.findingsByClause.reduce((n, c) => n + c.total, 0)).toBe(lapFindings(org.a.core) + lapFindings(org.b.core));
    expect(d.findingsBySection.reduce((n, c) => n + c.total, 0)).toBe(lapFindings(org.a.core) + lapFindings(org.b.core));
    expect(d.totals).toMatchObject({ audits: 5, finalized: 2, sites: 3, overdueActions: overdueOnLaptop(org.a.core) + overdueOnLaptop(org.b.core), zeroToleranceAlerts: 1, conflicts: 0 });
    const ph = d.bandsByCountry.find((c) => c.country === 'PH')!;
    expect(ph.bands.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(d.bandsByCountry.find((c) => c.country === 'IN')).toBeUndefined();
    expect(d.bandsByClient.map((c) => c.client).sort()).toEqual(['Harbor Telecom', 'Lumen Health Insurance']);
    // Both demo sites fail the same items: they recur across two sites.
    expect(d.topRecurring[0]!.sites).toBe(2);
    expect(d.topRecurring[0]!.clause).toMatch(/\S+ \S+/);
    expect(d.overdueBySite.find((s) => s.siteName.startsWith('Meridian'))!.overdue).toBe(1);
    const india = hqDashboard(org.hq.db, { filter: { country: 'IN' }, asOf: AS_OF, top: 10 });
    expect(india.totals).toMatchObject({ audits: 1, finalized: 0, sites: 1, openFindings: { critical: 1, major: 0, minor: 1 } });
  });
});
