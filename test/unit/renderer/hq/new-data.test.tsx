// @vitest-environment jsdom
// HQ on PostgreSQL: when a refresh of the screens' copy brings new data (the
// timer's, after another analyst's import), the open screen reads its data
// again in place — the filter typed and applied stays, the table is the same
// element (not remounted, so the scroll stays) and the new audit appears;
// when the copy did not change, nothing is read again.
import { afterEach, describe, expect, test } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { HqApp } from '../../../../renderer/src/hq/HqApp';
import { DATABASE_CHANGED } from '../../../../renderer/src/hq/asOf';
import { versionTracker } from '../../../../renderer/src/hq/dataVersion';
import type { HqDatabase } from '../../../../shared/domain/hq-database';
import type { HqAuditRow } from '../../../../shared/domain/hq';

const PG: HqDatabase = { engine: 'postgres', url: 'postgres://hq@db.example.org:5432/fairsite', hasPassword: true, folder: '/data/hq', asOf: '2026-11-30T14:02:00Z', error: null, refreshing: false, dataVersion: 'db-1:3', fromEnvironment: false };

const row = (n: number, siteName: string): HqAuditRow => ({
  auditId: `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${n}`, revision: 1, previousId: null, superseded: false, status: 'finalized', type: 'full',
  siteId: `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b5${n}`, siteName, country: 'PH', clients: ['Acme'], auditorId: 'AUD-001', auditorName: 'Asha Rao',
  fingerprint: 'fp', templateName: 'Template', startDate: '2026-10-05', endDate: '2026-10-06', finalizedAt: '2026-10-06T10:00:00Z', percent: 80, band: 'B',
  findings: { critical: 0, major: 1, minor: 0 }, zeroTolerance: 0, openActions: 1, overdueActions: 0, versions: 1, conflict: false, importedAt: '2026-11-30T14:00:00Z',
});

afterEach(() => { window.location.hash = ''; });

describe('HQ screens and new data', () => {
  test('a refresh that brought new data re-reads the open screen in place, filter kept; one that brought nothing reads nothing', async () => {
    const user = userEvent.setup();
    let db = PG;
    let rows = [row(1, 'Cebu Contact Centre')];
    const asked: unknown[] = [];
    const transport = async (op: string, input: unknown) => {
      if (op === 'hq.database') return { ok: true as const, value: db };
      if (op === 'hq.audits') {
        asked.push((input as { filter: unknown }).filter);
        return { ok: true as const, value: { total: rows.length, rows } };
      }
      if (op === 'hq.filterOptions') return { ok: true as const, value: { clients: [], countries: [], sites: [], auditors: [], bands: [] } };
      return { ok: false as const, error: { code: 'internal' as const, message: op } };
    };
    window.location.hash = '#/hq/audits';
    render(<ClientProvider transport={transport}><HqApp /></ClientProvider>);
    await screen.findByTestId('hq-freshness');
    await screen.findByRole('table', { name: 'Audits at headquarters' });
    await user.type(screen.getByLabelText('Search'), 'Cebu');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await act(async () => { await new Promise((r) => setTimeout(r, 20)); });
    expect(asked.at(-1)).toEqual({ text: 'Cebu' });
    const before = asked.length;
    const table = await screen.findByRole('table', { name: 'Audits at headquarters' });

    // The status read again (as the timer does), the copy unchanged: nothing is read again.
    await act(async () => { window.dispatchEvent(new Event(DATABASE_CHANGED)); await new Promise((r) => setTimeout(r, 20)); });
    expect(asked).toHaveLength(before);

    // Another analyst's import reached the copy: the screen reads again with its filter, in place.
    rows = [...rows, row(2, 'Cebu Back Office')];
    db = { ...PG, dataVersion: 'db-1:4', asOf: '2026-11-30T14:03:00Z' };
    await act(async () => { window.dispatchEvent(new Event(DATABASE_CHANGED)); await new Promise((r) => setTimeout(r, 20)); });
    expect(asked).toHaveLength(before + 1);
    expect(asked.at(-1)).toEqual({ text: 'Cebu' });
    expect(await within(table).findByRole('link', { name: 'Cebu Back Office' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Audits at headquarters' })).toBe(table);
    expect(screen.getByLabelText('Search')).toHaveValue('Cebu');
  });

  test('the version tracker: the first version seen is not news; a change is, once', () => {
    const moved = versionTracker();
    expect(moved(null)).toBe(false);
    expect(moved('a:1')).toBe(false);
    expect(moved('a:1')).toBe(false);
    expect(moved('a:2')).toBe(true);
    expect(moved('a:2')).toBe(false);
    expect(moved('b:0')).toBe(true);
  });
});
