// @vitest-environment jsdom
// HQ settings' configuration key rotation: asked in a dialog first (cancel
// makes no call); confirmed, the key is rotated once and the new and previous
// fingerprints are shown.
import { describe, expect, test } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { RotateConfigKey } from '../../../../renderer/src/hq/RotateConfigKey';

const NEW = 'aaaa bbbb cccc dddd eeee ffff 0000 1111 2222 3333 4444 5555 6666 7777 8888 9999';
const OLD = '9999 8888 7777 6666 5555 4444 3333 2222 1111 0000 ffff eeee dddd cccc bbbb aaaa';

describe('configuration key rotation', () => {
  test('asks first; cancelled, nothing; confirmed, rotated once and both fingerprints shown', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    const transport = async (op: string) => {
      calls.push(op);
      return op === 'hqConfig.rotateKey' ? { ok: true as const, value: { fingerprint: NEW, previousFingerprint: OLD } } : { ok: false as const, error: { code: 'internal' as const, message: op } };
    };
    render(<ClientProvider transport={transport}><RotateConfigKey /></ClientProvider>);
    await user.click(screen.getByRole('button', { name: 'Make a new configuration key…' }));
    expect(screen.getByRole('dialog', { name: 'Make a new configuration key?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Make a new configuration key…' }));
    await user.click(screen.getByRole('button', { name: 'Make a new key' }));
    expect(await screen.findByTestId('rotated-fingerprint')).toHaveTextContent(NEW);
    expect(screen.getByRole('status')).toHaveTextContent(OLD);
    expect(calls).toEqual(['hqConfig.rotateKey']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
