// The tracker's filters over a real organisation: the severities narrow
// every kind (a minor finding's overdue action goes when "minor" is unticked),
// the counts beside each kind agree with the rows listed under any choice of
// kinds and severities, each audit filter (client, country, site, auditor,
// band, dates, status) narrows the rows to audits that match it, and filter
// values HQ holds no audit of are refused through the dispatch with what to do.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AS_OF, makeOrg, type Org } from './org';
import { trackHq, type TrackerInput } from '../../../electron/core/hq/read/tracker';
import { filterOptions } from '../../../electron/core/hq/read/filter-values';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import type { AppErrorData } from '../../../shared/errors';

type Kind = TrackerInput['filter']['kinds'][number];
type Severity = TrackerInput['filter']['severities'][number];
const KINDS: Kind[] = ['finding', 'overdue_action', 'zero_tolerance'];
const SEVERITIES: Severity[] = ['critical', 'major', 'minor'];

let root: string;
let org: Org;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqtf-'));
  org = await makeOrg(root, { hqInB: true });
}, 120_000);
afterAll(() => {
  org.close();
  rmSync(root, { recursive: true, force: true });
});

const tracker = (filter: Partial<TrackerInput['filter']> = {}) =>
  trackHq(org.hq.db, { filter: { kinds: KINDS, severities: ['critical', 'major'], asOf: AS_OF, ...filter }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 1000 } });

/** Every subset of a list. */
const subsets = <T,>(xs: T[]): T[][] => xs.reduce<T[][]>((all, x) => [...all, ...all.map((s) => [...s, x])], [[]]);

describe('hq.tracker severities and counts', () => {
  test('"minor" unticked hides the overdue actions of minor findings (the organisation has some)', () => {
    const all = tracker({ kinds: ['overdue_action'], severities: SEVERITIES });
    expect(all.rows.some((r) => r.severity === 'minor')).toBe(true);
    const noMinor = tracker({ kinds: ['overdue_action'], severities: ['critical', 'major'] });
    expect(noMinor.rows.length).toBeGreaterThan(0);
    expect(noMinor.rows.filter((r) => r.severity === 'minor')).toEqual([]);
    expect(tracker({ kinds: ['overdue_action'], severities: ['minor'] }).rows.every((r) => r.severity === 'minor')).toBe(true);
  });

  test('under every choice of kinds and severities, each count is the rows of its kind listed, and an overdue action\'s finding is among the open findings', () => {
    for (const severities of subsets(SEVERITIES)) {
      const everything = tracker({ severities, kinds: KINDS });
      for (const kinds of subsets(KINDS)) {
        const t = tracker({ severities, kinds });
        const label = `${kinds.join('+')} / ${severities.join('+')}`;
        // The counts do not depend on which kinds are ticked: a kind ticked on again lists what its count said.
        expect(t.counts, label).toEqual(everything.counts);
        for (const k of kinds) expect(t.rows.filter((r) => r.kind === k).length, `${label}: ${k}`).toBe(t.counts[k]);
        expect(t.rows.every((r) => kinds.includes(r.kind)), label).toBe(true);
        expect(t.total, label).toBe(t.rows.length);
        expect(t.rows.every((r) => r.severity !== null && severities.includes(r.severity)), label).toBe(true);
      }
      // "Open findings (0)" beside overdue actions cannot happen: each overdue action's finding is counted as open.
      const open = new Set(everything.rows.filter((r) => r.kind === 'finding').map((r) => `${r.auditId}/${r.findingId}`));
      for (const r of everything.rows.filter((x) => x.kind === 'overdue_action')) expect(open.has(`${r.auditId}/${r.findingId}`), severities.join('+')).toBe(true);
      if (!severities.length) expect(everything.counts).toEqual({ finding: 0, overdue_action: 0, zero_tolerance: 0 });
    }
  });
});

describe('hq.tracker audit filters', () => {
  test('client, country, site, auditor, band, dates and status each narrow to audits that match, counts agreeing', () => {
    const opts = filterOptions(org.hq.db);
    const audit = (id: string) => org.hq.db.prepare('SELECT band, status, start_date FROM hq_audit WHERE audit_id = ?').get(id) as { band: string | null; status: string; start_date: string };
    const base = tracker({ severities: SEVERITIES });
    const cases: Array<[string, Partial<TrackerInput['filter']>, (r: (typeof base.rows)[number]) => boolean]> = [
      ...opts.clients.map((c) => [`client ${c}`, { client: c }, (r) => r.clients.includes(c)] as [string, Partial<TrackerInput['filter']>, (r: (typeof base.rows)[number]) => boolean]),
      ...opts.countries.map((c) => [`country ${c}`, { country: c }, (r) => r.country === c] as [string, Partial<TrackerInput['filter']>, (r: (typeof base.rows)[number]) => boolean]),
      ...opts.sites.map((s) => [`site ${s.name}`, { siteId: s.siteId }, (r) => r.siteId === s.siteId] as [string, Partial<TrackerInput['filter']>, (r: (typeof base.rows)[number]) => boolean]),
      ...opts.auditors.map((a) => [`auditor ${a.auditorId}`, { auditorId: a.auditorId }, (r) => r.auditorId === a.auditorId] as [string, Partial<TrackerInput['filter']>, (r: (typeof base.rows)[number]) => boolean]),
      ...opts.bands.map((b) => [`band ${b}`, { band: b }, (r) => audit(r.auditId).band === b] as [string, Partial<TrackerInput['filter']>, (r: (typeof base.rows)[number]) => boolean]),
      ...(['in_progress', 'finalized'] as const).map((s) => [`status ${s}`, { status: s }, (r) => audit(r.auditId).status === s] as [string, Partial<TrackerInput['filter']>, (r: (typeof base.rows)[number]) => boolean]),
      ['October 2026', { from: '2026-10-01', to: '2026-10-31' }, (r) => r.startDate >= '2026-10-01' && r.startDate <= '2026-10-31'],
    ];
    expect(opts.bands.length).toBeGreaterThan(0);
    for (const [label, filter, matches] of cases) {
      const t = tracker({ severities: SEVERITIES, ...filter });
      expect(t.rows.length, label).toBeGreaterThan(0);
      expect(t.rows.every(matches), label).toBe(true);
      // Nothing that matches is left out.
      expect(t.rows.length, label).toBe(base.rows.filter(matches).length);
      expect(t.total, label).toBe(t.rows.length);
    }
  });
});

describe('filters through the dispatch', () => {
  const dispatch = () => createDispatch(handlers, org.b.core);
  const refused = async (op: string, input: unknown): Promise<AppErrorData> => {
    const env = await dispatch()(op, input);
    if (env.ok) throw new Error(`${op} accepted ${JSON.stringify(input)}`);
    return env.error;
  };

  test('the options are the values the audits carry', async () => {
    const env = await dispatch()('hq.filterOptions', {});
    expect(env.ok).toBe(true);
    const o = (env as { value: ReturnType<typeof filterOptions> }).value;
    expect(o.countries).toEqual(['IN', 'PH']);
    expect(o.clients).toContain('Acme Bank');
    expect(o.auditors.map((a) => a.auditorId).sort()).toEqual(['AUD-001', 'AUD-002']);
    expect(o.sites.find((s) => s.country === 'IN')!.name).toBe('Meridian Data Services, Pune');
  });

  test('unknown values and impossible dates are refused, each naming its field and what to do', async () => {
    const unknown: Array<[string, Record<string, string>, string]> = [
      ['client', { client: 'Acme Bnak' }, 'Choose a client'],
      ['country', { country: 'ZZ' }, 'Choose a country'],
      ['siteId', { siteId: '00000000-0000-4000-8000-000000000000' }, 'Choose a site'],
      ['auditorId', { auditorId: 'AUD-999' }, 'Choose an auditor'],
      ['band', { band: 'Q' }, 'Choose a band'],
      ['to', { from: '2026-11-01', to: '2026-10-01' }, 'before it starts'],
    ];
    for (const op of ['hq.tracker', 'hq.audits', 'hq.dashboard'] as const) {
      for (const [field, filter, says] of unknown) {
        if (op === 'hq.dashboard' && (field === 'siteId' || field === 'band')) continue;
        const e = await refused(op, { filter });
        expect(e.code, `${op} ${field}`).toBe('invalid_input');
        expect(e.fields?.map((f) => f.path), `${op} ${field}`).toEqual([`filter.${field}`]);
        expect(e.message).toContain(says);
      }
    }
    const day = await refused('hq.tracker', { filter: { from: '2026-02-30' } });
    expect(day.code).toBe('invalid_input');
    expect(day.fields?.[0]?.message).toMatch(/not a day of the calendar/);
    expect((await refused('hq.tracker', { filter: { country: 'india' } })).code).toBe('invalid_input');
    // Known values pass.
    expect((await dispatch()('hq.tracker', { filter: { country: 'IN', from: '2026-10-01', to: '2026-10-31', asOf: AS_OF } })).ok).toBe(true);
  });
});
