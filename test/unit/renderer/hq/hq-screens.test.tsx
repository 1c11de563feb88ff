// @vitest-environment jsdom
// Headquarters mode on a real core through the real dispatch: a fresh
// installation asks what it is and, as headquarters, shows its own
// navigation (no auditor screens); an auditor is enrolled by pasting the
// laptop's enrolment code; the laptop's bundle dropped on the inbox is
// uploaded, imported and kept as a receipt; a bundle from a stranger is
// refused with its reason.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { Installation } from '../../../../renderer/src/hq/Installation';
import { createDispatch } from '../../../../electron/handlers/dispatch';
import { handlers } from '../../../../electron/handlers/index';
import { openCore, type Core } from '../../../../electron/core/core';
import { passphraseBox } from '../../../../electron/core/keys/secret-box';
import { exportBundle } from '../../../../electron/core/bundle/export';
import { makeLaptop, type Laptop } from '../../../integration/bundle/laptop';

let root: string;
let laptop: Laptop;
let stranger: Laptop;
let hq: Core;
let bundle: string;
let foreign: string;

// Under jsdom, vitest gives modules an http:// import.meta.url, so HQ's read
// model cannot find the built-in checklists from its own location; the real
// catalogue is loaded from the repository's assets folder instead.
vi.mock('../../../../electron/core/hq/read/templates', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../electron/core/hq/read/templates')>();
  return { ...real, builtInCatalogue: (dir?: string) => real.builtInCatalogue(dir ?? join(process.cwd(), 'assets')) };
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqui-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  stranger = await makeLaptop('Ben Ortiz', 'AUD-002', root);
  bundle = join(root, 'asha.fsb');
  foreign = join(root, 'ben.fsb');
  await exportBundle(laptop.core, { out: bundle });
  await exportBundle(stranger.core, { out: foreign });
  // Node's URL explicitly: under jsdom the global URL is the DOM's.
  hq = await openCore({ dataDir: join(root, 'hq-install'), secretBox: passphraseBox('hq-ui-test-passphrase'), assetsDir: fileURLToPath(new NodeURL('../../../../assets/', import.meta.url)), appVersion: '0.0.0-test' });
}, 60_000);
afterAll(() => {
  hq.close();
  laptop.core.close();
  stranger.core.close();
  rmSync(root, { recursive: true, force: true });
});

const drop = (el: Element, files: File[]) => fireEvent.drop(el, { dataTransfer: { files, types: ['Files'] } });
const fileOf = (path: string, name: string) => new File([readFileSync(path)], name);

test('first run as headquarters: enrol by pasting the code, drop bundles on the inbox', async () => {
  const user = userEvent.setup();
  render(<ClientProvider transport={createDispatch(handlers, hq)}><Installation><p>auditor app</p></Installation></ClientProvider>);

  await user.click(await screen.findByRole('button', { name: 'Headquarters' }));
  const nav = await screen.findByRole('navigation', { name: 'Headquarters' }, { timeout: 10_000 });
  expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Dashboard', 'Inbox', 'Auditors', 'Audits', 'Sites', 'Findings and actions', 'Settings']);
  expect(screen.queryByText('auditor app')).toBeNull();
  // The choice is kept: it cannot be turned into a laptop afterwards.
  await expect(createDispatch(handlers, hq)('install.choose', { role: 'laptop' })).resolves.toMatchObject({ ok: false, error: { code: 'conflict' } });

  window.location.hash = '#/hq/auditors';
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await screen.findByRole('heading', { name: 'Auditors', level: 1 });
  await user.click(screen.getByLabelText('Enrolment code'));
  const code = await createDispatch(handlers, laptop.core)('profile.enrolmentCode', {});
  await user.paste((code as { value: { code: string } }).value.code);
  expect(screen.getByLabelText('Name')).toHaveValue('Asha Rao');
  expect(screen.getByLabelText('Auditor ID')).toHaveValue('AUD-001');
  await user.click(screen.getByRole('button', { name: 'Enrol' }));
  const list = await screen.findByRole('list', { name: 'Enrolled auditors' });
  await waitFor(() => expect(list.textContent).toMatch(/Asha Rao \(AUD-001\)/));
  expect(list.textContent).toMatch(/No bundle received yet/);

  window.location.hash = '#/hq/inbox';
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await screen.findByRole('heading', { name: 'Inbox', level: 1 });
  drop(screen.getByTestId('inbox-drop'), [fileOf(bundle, 'asha.fsb'), fileOf(foreign, 'ben.fsb'), new File(['x'], 'notes.txt')]);
  const results = await screen.findAllByTestId('import-result', {}, { timeout: 20_000 });
  expect(results.map((r) => r.getAttribute('data-status'))).toEqual(['imported', 'rejected']);
  expect(results[1]!.textContent).toMatch(/Signed by a key that is not enrolled/);
  expect(screen.getByText('1 file was not a bundle (.fsb) and was left out.')).toBeTruthy();
  const receipts = await screen.findByRole('table', { name: 'Bundles received' });
  await waitFor(() => expect(within(receipts).getAllByRole('row')).toHaveLength(3));
  expect(within(receipts).getAllByText('Handed over in the app')).toHaveLength(2);

  window.location.hash = '#/hq/auditors';
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  const again = await screen.findByRole('list', { name: 'Enrolled auditors' });
  await waitFor(() => expect(again.textContent).toMatch(/1 bundle; the last/));
  expect(within(again).getByRole('list', { name: 'Audits of Asha Rao' }).children).toHaveLength(laptop.auditIds.length);
}, 90_000);
