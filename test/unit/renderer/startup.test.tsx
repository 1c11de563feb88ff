// @vitest-environment jsdom
// The first screen's calls leave together when the app starts, and each is
// answered once from that reply; nothing is answered from an earlier state.
import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { Installation } from '../../../renderer/src/hq/Installation';
import { navigate } from '../../../renderer/src/app/router';
import { FIRST_ROWS, STARTUP_TTL_MS, startupCalls, withStartupCalls } from '../../../renderer/src/app/startup';
import type { AuditBrowse } from '../../../shared/domain/audit-list';
import type { Envelope } from '../../../shared/errors';
import { AUDIT_ID, ok, renderWith, scriptedTransport } from './fixtures';

const profile = { name: 'Ana Reyes', organisation: 'Fairsite', email: 'ana@example.org', auditorId: 'A-1' };
const browse: AuditBrowse = {
  groups: [
    { id: 'progress', count: 1, rows: [{ id: AUDIT_ID, siteName: 'Cebu IT Park Centre', clients: ['Acme'], country: 'PH', type: 'unannounced', templateName: 'Test checklist',
      startDate: '2026-11-29', status: 'in_progress', revision: 1, answered: 3, total: 20, findings: 0, sent: false, lastChange: '2026-11-29T08:00:00.000Z' }] },
    { id: 'finalized', count: 0, rows: [] },
    { id: 'sent', count: 0, rows: [] },
  ],
};

function core() {
  return scriptedTransport((op) => {
    if (op === 'install.get') return ok({ role: 'laptop' });
    if (op === 'profile.get') return ok(profile);
    if (op === 'app.integrity') return ok({ state: 'ok', onOpen: 'full', checkedAt: null, problems: [], message: null });
    if (op === 'audits.browse') return ok(browse);
    return ok([]);
  });
}

afterEach(() => navigate({ name: 'home' }));

describe('start-up calls', () => {
  it('sends the home screen\'s calls before anything renders, and the screens take those replies instead of asking again', async () => {
    navigate({ name: 'home' });
    const { transport, calls } = core();
    const t = withStartupCalls(transport, startupCalls(window.location.hash));
    // All four left at once, before a component asked for any of them.
    expect(calls.map((c) => c.op)).toEqual(['install.get', 'profile.get', 'app.integrity', 'audits.browse']);
    renderWith(t, <Installation><App /></Installation>);
    const group = await screen.findByRole('region', { name: /^In progress/ });
    expect(within(group).getByRole('link')).toHaveTextContent('Cebu IT Park Centre');
    // The screens asked for the same four (the list with its first page) and were answered from the replies on their way.
    expect(calls.filter((c) => c.op !== 'sites.list').map((c) => c.op)).toEqual(['install.get', 'profile.get', 'app.integrity', 'audits.browse']);
    expect(calls[3]!.input).toEqual({ rows: FIRST_ROWS });
    // The sites (for the filter) are asked for once the rows are painted.
    await waitFor(() => expect(calls.at(-1)!.op).toBe('sites.list'));
  });

  it('renders the home screen with its rows in the first pass when the replies are already in, with no "Loading" on the way', async () => {
    navigate({ name: 'home' });
    const { transport, calls } = core();
    const t = withStartupCalls(transport, startupCalls(window.location.hash));
    await t.settled;
    const { container } = renderWith(t, <Installation><App /></Installation>);
    // Right after the first render, before any reply could be awaited: the rows are there and nothing says "Loading".
    expect(within(container).getByRole('region', { name: /^In progress/ })).toHaveTextContent('Cebu IT Park Centre');
    expect(container.textContent).not.toMatch(/Loading/);
    // Taken, not asked again: still the four start-up calls only.
    expect(calls.map((c) => c.op)).toEqual(['install.get', 'profile.get', 'app.integrity', 'audits.browse']);
  });

  it('peek gives an arrived reply once, and nothing for a reply still on its way or another input', async () => {
    let release: (() => void) | undefined;
    const slow = new Promise<void>((r) => { release = r; });
    let n = 0;
    const inner = async (op: string): Promise<Envelope<unknown>> => {
      if (op === 'audits.browse') await slow;
      return ok(`${op} #${++n}`);
    };
    const t = withStartupCalls(inner, [['profile.get', {}], ['audits.browse', { rows: FIRST_ROWS }]]);
    await new Promise((r) => setTimeout(r, 0));
    expect(t.peek('audits.browse', { rows: FIRST_ROWS })).toBeUndefined();
    expect(t.peek('profile.get', { other: 1 })).toBeUndefined();
    expect(t.peek('profile.get', {})).toEqual(ok('profile.get #1'));
    // Taken: the next call asks the core again.
    expect(t.peek('profile.get', {})).toBeUndefined();
    expect(await t('profile.get', {})).toEqual(ok('profile.get #2'));
    release!();
    await t.settled;
    expect(t.peek('audits.browse', { rows: FIRST_ROWS })).toEqual(ok('audits.browse #3'));
  });

  it('asks for the audit list only when the start opens the home screen', () => {
    expect(startupCalls('#/').map(([op]) => op)).toContain('audits.browse');
    expect(startupCalls('').map(([op]) => op)).toContain('audits.browse');
    expect(startupCalls('#/audit/x/walk').map(([op]) => op)).toEqual(['install.get', 'profile.get', 'app.integrity']);
  });

  it('answers each call once; a call of another operation ends start-up; so does time', async () => {
    let n = 0;
    const inner = async (op: string): Promise<Envelope<unknown>> => ok(`${op} #${++n}`);
    let now = 0;
    const t = withStartupCalls(inner, [['profile.get', {}], ['install.get', {}], ['audits.browse', { rows: FIRST_ROWS }]], () => now);
    expect(await t('profile.get', {})).toEqual(ok('profile.get #1'));
    // Asked again: a new call, not the same reply twice.
    expect(await t('profile.get', {})).toEqual(ok('profile.get #4'));
    // Another input is another call.
    expect(await t('audits.browse', { rows: FIRST_ROWS, text: 'Cebu' })).toEqual(ok('audits.browse #5'));
    // A write (any operation not sent at start) drops what was kept: the list after it is read anew.
    expect(await t('responses.save', {})).toEqual(ok('responses.save #6'));
    expect(await t('audits.browse', { rows: FIRST_ROWS })).toEqual(ok('audits.browse #7'));

    const u = withStartupCalls(inner, [['install.get', {}]], () => now);
    now += STARTUP_TTL_MS + 1;
    expect(await u('install.get', {})).toEqual(ok('install.get #9'));
  });

  it('asks again when the kept call failed in the transport itself', async () => {
    let n = 0;
    const inner = async (op: string): Promise<Envelope<unknown>> => {
      if (++n === 1) throw new Error('bridge not ready');
      return ok(op);
    };
    const t = withStartupCalls(inner, [['install.get', {}]]);
    expect(await t('install.get', {})).toEqual(ok('install.get'));
    expect(n).toBe(2);
  });
});
