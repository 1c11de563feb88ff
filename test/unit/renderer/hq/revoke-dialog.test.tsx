// @vitest-environment jsdom
// Revoking an auditor's key asks inside the app, not with window.confirm:
// a dialog named for the auditor opens on the safe answer, Escape cancels and
// gives focus back to the button that opened it (the key stays trusted), and
// only the dialog's own confirm revokes. The real dispatch and HQ store.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { AuditorsScreen } from '../../../../renderer/src/hq/AuditorsScreen';
import { createDispatch } from '../../../../electron/handlers/dispatch';
import { handlers } from '../../../../electron/handlers/index';
import { makeLaptop, type Laptop } from '../../../integration/bundle/laptop';
import { enrolLaptop } from '../../../integration/bundle/hq';
import { openCore, type Core } from '../../../../electron/core/core';
import { hqFor } from '../../../../electron/core/hq/service';
import { passphraseBox } from '../../../../electron/core/keys/secret-box';
import type { Hq } from '../../../../electron/core/hq/context';

let root: string;
let a: Laptop;
let b: Laptop;
let core: Core;
let hq: Hq;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-revoke-'));
  a = await makeLaptop('Asha Rao', 'AUD-001', root);
  b = await makeLaptop('Ben Okafor', 'AUD-002', root);
  core = await openCore({ dataDir: join(root, 'hq-install'), secretBox: passphraseBox('hq-ui-test-passphrase'), assetsDir: join(process.cwd(), 'assets'), appVersion: '0.0.0-test' });
  hq = await hqFor(core);
  enrolLaptop(hq, a.core);
  enrolLaptop(hq, b.core);
}, 60_000);
afterAll(() => {
  core.close();
  a.core.close();
  b.core.close();
  rmSync(root, { recursive: true, force: true });
});

const revokedAt = (name: string) => (hq.db.prepare('SELECT revoked_at FROM auditors WHERE name = ?').get(name) as { revoked_at: string | null }).revoked_at;

test('revoke asks in an in-app dialog: safe answer first, Escape cancels, confirm revokes', async () => {
  const user = userEvent.setup();
  const nativeConfirm = vi.spyOn(window, 'confirm');
  render(<ClientProvider transport={createDispatch(handlers, core)}><AuditorsScreen /></ClientProvider>);
  const opener = await screen.findByRole('button', { name: 'Revoke the key of Asha Rao' }, { timeout: 10_000 });

  await user.click(opener);
  let dialog = await screen.findByRole('dialog', { name: 'Revoke the key of Asha Rao?' });
  expect(dialog).toHaveAttribute('aria-modal', 'true');
  expect(within(dialog).getByRole('button', { name: 'Keep the key' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(opener).toHaveFocus();
  expect(revokedAt('Asha Rao')).toBeNull();

  // Enter on the first answer keeps the key too.
  await user.click(opener);
  await user.keyboard('{Enter}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(revokedAt('Asha Rao')).toBeNull();

  await user.click(opener);
  dialog = await screen.findByRole('dialog', { name: 'Revoke the key of Asha Rao?' });
  await user.click(within(dialog).getByRole('button', { name: 'Revoke the key' }));
  await waitFor(() => expect(revokedAt('Asha Rao')).not.toBeNull());
  expect(await screen.findByText(/^Revoked /)).toBeInTheDocument();
  expect(revokedAt('Ben Okafor')).toBeNull();
  expect(nativeConfirm).not.toHaveBeenCalled();
}, 30_000);
