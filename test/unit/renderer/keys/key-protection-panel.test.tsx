// @vitest-environment jsdom
// Settings tells the user plainly when the keychain gives no real protection
// (basic_text) and offers a passphrase; a weak one is refused as the core
// says; after a restart the key is unlocked there.
import { describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { KeyProtectionPanel } from '../../../../renderer/src/keys/KeyProtectionPanel';
import type { Envelope } from '../../../../shared/errors';
import { msg } from '../../../../shared/messages';
import { initI18n } from '../../../../renderer/src/i18n';

const NOTICE = 'No keyring (GNOME Keyring or KWallet) was found on this computer, so your signing key is stored with a fixed key.';

describe('key protection settings', () => {
  it('shows the basic_text notice and moves the key to a passphrase', async () => {
    let state = { method: 'basic_text', locked: false, notice: NOTICE as string | null };
    const transport = async (op: string, input: unknown): Promise<Envelope<unknown>> => {
      if (op === 'keys.protection') return { ok: true, value: state };
      if (op === 'keys.usePassphrase') {
        if ((input as { passphrase: string }).passphrase.length < 12) return { ok: false, error: { code: 'invalid_input', message: 'This passphrase is too weak to protect the signing key: it has 5 characters; at least 12 are needed.' } };
        state = { method: 'passphrase', locked: false, notice: null };
        return { ok: true, value: state };
      }
      return { ok: false, error: { code: 'unknown_operation', message: op } };
    };
    render(<ClientProvider transport={transport}><KeyProtectionPanel /></ClientProvider>);
    expect(await screen.findByTestId('key-notice')).toHaveTextContent(NOTICE);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/New passphrase/), 'short');
    await user.click(screen.getByRole('button', { name: 'Protect with this passphrase' }));
    expect(await screen.findByText(/too weak to protect the signing key/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/New passphrase/));
    await user.type(screen.getByLabelText(/New passphrase/), 'tidal lantern orbit mango');
    await user.click(screen.getByRole('button', { name: 'Protect with this passphrase' }));
    expect(await screen.findByText(/now protected by your passphrase/)).toBeInTheDocument();
    expect(screen.queryByTestId('key-notice')).toBeNull();
    expect(screen.getByText('Your passphrase')).toBeInTheDocument();
  });

  it('says the notice in the UI language when the core sends it as a message', async () => {
    await initI18n().changeLanguage('es');
    try {
      const state = { method: 'basic_text', locked: false, notice: NOTICE, noticeText: msg('key.basicText') };
      const transport = async (op: string): Promise<Envelope<unknown>> => (op === 'keys.protection' ? { ok: true, value: state } : { ok: false, error: { code: 'unknown_operation', message: op } });
      render(<ClientProvider transport={transport}><KeyProtectionPanel /></ClientProvider>);
      expect(await screen.findByTestId('key-notice')).toHaveTextContent(/^No se encontró ningún llavero \(GNOME Keyring o KWallet\) en este equipo/);
    } finally {
      cleanup();
      await initI18n().changeLanguage('en');
    }
  });

  it('asks for the passphrase when the key is locked after a restart', async () => {
    let state = { method: 'passphrase', locked: true, notice: null };
    const transport = async (op: string): Promise<Envelope<unknown>> => {
      if (op === 'keys.protection') return { ok: true, value: state };
      if (op === 'keys.unlock') {
        state = { ...state, locked: false };
        return { ok: true, value: state };
      }
      return { ok: false, error: { code: 'unknown_operation', message: op } };
    };
    render(<ClientProvider transport={transport}><KeyProtectionPanel /></ClientProvider>);
    expect(await screen.findByText(/locked until you enter it/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Passphrase'), 'tidal lantern orbit mango');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('Signing key unlocked.')).toBeInTheDocument();
  });
});
