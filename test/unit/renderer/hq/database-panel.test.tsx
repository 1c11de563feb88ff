// @vitest-environment jsdom
// HQ's database setting on screen: the server's address is sent with the
// password typed, the password field is emptied and never filled from what
// comes back; a refusal shows the server's reason and that nothing was
// saved. The strip under the top bar says how current a PostgreSQL HQ's
// data is, in the UI language, and nothing on SQLite.
import { describe, expect, test } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { DatabasePanel } from '../../../../renderer/src/hq/DatabasePanel';
import { Freshness } from '../../../../renderer/src/hq/Freshness';
import { formatAsOf } from '../../../../renderer/src/hq/asOf';
import type { HqDatabase } from '../../../../shared/domain/hq-database';

const SQLITE: HqDatabase = { engine: 'sqlite', url: null, hasPassword: false, folder: '/data/hq', asOf: null, error: null, refreshing: false, dataVersion: null, fromEnvironment: false };
const PG: HqDatabase = { engine: 'postgres', url: 'postgres://hq@db.example.org:5432/fairsite', hasPassword: true, folder: '/data/hq', asOf: '2026-11-30T14:02:00Z', error: null, refreshing: false, dataVersion: 'db-1:3', fromEnvironment: false };

describe('HQ database setting', () => {
  test('sends the address with the password typed, shows a refusal as not saved, empties the password once saved and never shows it', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    let refuse = true;
    const transport = async (op: string, input: unknown) => {
      if (op === 'hq.database') return { ok: true as const, value: SQLITE };
      if (op === 'hq.setDatabase') {
        sent.push(input);
        if (refuse) return { ok: false as const, error: { code: 'not_ready' as const, message: 'The PostgreSQL server refused user "hq". Enter the right password in HQ settings.' } };
        return { ok: true as const, value: PG };
      }
      return { ok: false as const, error: { code: 'internal' as const, message: op } };
    };
    render(<ClientProvider transport={transport}><DatabasePanel /></ClientProvider>);
    expect(await screen.findByTestId('hq-db-current')).toHaveTextContent('Now: the built-in database in the HQ folder.');
    expect(screen.queryByLabelText('Server address')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'a PostgreSQL server' }));
    await user.type(screen.getByLabelText('Server address'), PG.url!);
    await user.type(screen.getByLabelText('Password'), 'pw-secret');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Test the connection and save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('refused user "hq"');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was saved');
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Test the connection and save' }));
    expect(await screen.findByText(/^Connected\./)).toBeInTheDocument();
    expect(sent).toEqual([{ url: PG.url, password: 'pw-secret' }, { url: PG.url, password: 'pw-secret' }]);
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByText('A password is kept for this server. Leave empty to keep it.')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('pw-secret');
  });

  test('the strip says how current the data is on PostgreSQL, and why not when the server is gone; nothing on SQLite', async () => {
    const at = (v: HqDatabase) => async (op: string) => (op === 'hq.database' ? { ok: true as const, value: v } : { ok: false as const, error: { code: 'internal' as const, message: op } });
    const { unmount } = render(<ClientProvider transport={at(SQLITE)}><Freshness onNewData={() => {}} /></ClientProvider>);
    // Its answer (SQLite) arrives and shows nothing.
    await act(async () => { await new Promise((r) => setTimeout(r, 50)); });
    expect(screen.queryByTestId('hq-freshness')).toBeNull();
    unmount();
    const time = formatAsOf(PG.asOf!, 'en');
    const down = { ...PG, error: 'HQ\'s PostgreSQL database could not be reached. Check that the server runs.' };
    render(<ClientProvider transport={at(down)}><Freshness onNewData={() => {}} /></ClientProvider>);
    expect(await screen.findByTestId('hq-freshness')).toHaveTextContent(`Showing the data as of ${time}: the server could not be read. HQ's PostgreSQL database could not be reached.`);
  });

  test('says when FAIRSITE_HQ_DB chose the server, and not when these settings did', async () => {
    const at = (v: HqDatabase) => async (op: string) => (op === 'hq.database' ? { ok: true as const, value: v } : { ok: false as const, error: { code: 'internal' as const, message: op } });
    const { unmount } = render(<ClientProvider transport={at({ ...PG, fromEnvironment: true })}><DatabasePanel /></ClientProvider>);
    expect(await screen.findByTestId('hq-db-from-env')).toHaveTextContent('This server was chosen by the FAIRSITE_HQ_DB environment variable, not in these settings.');
    unmount();
    render(<ClientProvider transport={at(PG)}><DatabasePanel /></ClientProvider>);
    expect(await screen.findByTestId('hq-db-current')).toHaveTextContent(`Now: the PostgreSQL server ${PG.url}.`);
    expect(screen.queryByTestId('hq-db-from-env')).toBeNull();
  });

  test('as of: the time alone today, the date too before; in the UI language', () => {
    const now = new Date('2026-11-30T16:00:00');
    expect(formatAsOf('2026-11-30T14:02:00', 'en', now)).toBe(new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date('2026-11-30T14:02:00')));
    expect(formatAsOf('2026-11-29T14:02:00', 'fr', now)).toBe(new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-29T14:02:00')));
    expect(formatAsOf('not a time', 'en', now)).toBe('not a time');
  });
});
