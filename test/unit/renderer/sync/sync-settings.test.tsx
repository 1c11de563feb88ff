// @vitest-environment jsdom
// The sync settings forms: an address the contract refuses is named beside
// its field and not sent; the core's refusal of a password over plain http
// shows beside the address too; a saved address clears the password field.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/errors';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { SyncSettings } from '../../../../renderer/src/sync/SyncSettings';

const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });

describe('SyncSettings', () => {
  it('shows field errors, the core\'s too, and sends only what the contract accepts', async () => {
    const sent: Array<[string, Record<string, unknown>]> = [];
    const transport = async (op: string, input: unknown): Promise<Envelope<unknown>> => {
      const i = input as Record<string, unknown>;
      if (op === 'sync.settings') return ok({ endpoint: null, hqRecipient: null });
      sent.push([op, i]);
      if (op === 'sync.saveEndpoint' && String(i.url).startsWith('http:')) {
        return { ok: false, error: { code: 'invalid_input', message: 'A password is never sent over plain http.', fields: [{ path: 'url', message: 'must be https:// when a password or token is sent' }] } };
      }
      if (op === 'sync.saveEndpoint') return ok({ kind: 'webdav', url: i.url, auth: 'basic', username: i.username, hasSecret: true });
      if (op === 'sync.setHqKey') return { ok: false, error: { code: 'invalid_input', message: 'That is not an age public key.', fields: [{ path: 'recipient', message: 'must start with age1' }] } };
      return ok(null);
    };
    render(<ClientProvider transport={transport}><SyncSettings /></ClientProvider>);
    const form = screen.getByRole('form', { name: 'Upload address' });
    const url = within(form).getByLabelText('Address');

    await userEvent.type(url, 'ftp://hq.example.org/inbox/');
    await userEvent.click(within(form).getByRole('button', { name: 'Save upload address' }));
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(sent).toEqual([]);

    await userEvent.clear(url);
    await userEvent.type(url, 'http://hq.example.org/inbox/');
    await userEvent.type(within(form).getByLabelText('User name'), 'amina');
    await userEvent.type(within(form).getByLabelText('Password'), 'pw');
    await userEvent.click(within(form).getByRole('button', { name: 'Save upload address' }));
    await waitFor(() => expect(url).toHaveAccessibleDescription('Must be https:// when a password or token is sent'));

    await userEvent.clear(url);
    await userEvent.type(url, 'https://hq.example.org/inbox/');
    await userEvent.click(within(form).getByRole('button', { name: 'Save upload address' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Upload address saved');
    expect(within(form).getByLabelText('Password')).toHaveValue('');
    expect(sent.map(([op, i]) => [op, i.url])).toEqual([['sync.saveEndpoint', 'http://hq.example.org/inbox/'], ['sync.saveEndpoint', 'https://hq.example.org/inbox/']]);

    const keyForm = screen.getByRole('form', { name: 'HQ key' });
    await userEvent.type(within(keyForm).getByLabelText('HQ public key (age1…)'), 'not-a-key');
    await userEvent.click(within(keyForm).getByRole('button', { name: 'Save HQ key' }));
    await waitFor(() => expect(within(keyForm).getByLabelText('HQ public key (age1…)')).toHaveAccessibleDescription('Must start with age1'));
  });
});
