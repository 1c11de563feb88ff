// @vitest-environment jsdom
// The sync screen on a real core through the real dispatch: make a bundle,
// see it in the outbox, make the HQ key, enrol the laptop, import the bundle.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ClientProvider } from '../../../renderer/src/api/context';
import { SyncScreen } from '../../../renderer/src/sync/SyncScreen';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { makeLaptop, type Laptop } from '../../integration/bundle/laptop';

let laptop: Laptop;
beforeAll(async () => { laptop = await makeLaptop('Asha Rao', 'AUD-001'); });
afterAll(() => {
  laptop.core.close();
  rmSync(laptop.dir, { recursive: true, force: true });
});

test('make a bundle, then import it at HQ from the same screen', async () => {
  const user = userEvent.setup();
  // The harness's Save as… is a download: jsdom has no object URLs of its own.
  URL.createObjectURL = () => 'blob:bundle';
  URL.revokeObjectURL = () => {};
  const transport = createDispatch(handlers, laptop.core);
  render(<ClientProvider transport={transport}><SyncScreen /></ClientProvider>);

  await screen.findByText(/No bundles yet/);
  await user.click(screen.getByRole('button', { name: 'Make bundle' }));
  expect(await screen.findByText(/Bundle made: 2 audit\(s\).*full.*not encrypted.*A copy downloaded as .*\.fsb\./, {}, { timeout: 10_000 })).toBeTruthy();
  const row = await screen.findByTestId('outbox-row');
  expect(row.getAttribute('data-state')).toBe('pending');
  const path = within(row).getByText(/\.fsb$/).textContent!;

  await user.click(await screen.findByRole('button', { name: 'Make the HQ key' }));
  expect((await screen.findByTestId('hq-recipient')).textContent).toMatch(/^age1/);

  await user.type(screen.getByLabelText('Name'), 'Asha Rao');
  await user.type(screen.getByLabelText('Auditor ID'), 'AUD-001');
  const pem = readFileSync(join(laptop.dir, 'keys', 'signing-key.pub'), 'utf8');
  await user.click(screen.getByLabelText(/^Enrolment code \(/));
  await user.paste(pem);
  await user.click(screen.getByRole('button', { name: 'Enrol' }));
  const enrolled = await screen.findByRole('list', { name: 'Enrolled auditors' });
  await waitFor(() => expect(enrolled.textContent).toMatch(/Asha Rao \(AUD-001\)/));

  await user.type(screen.getByLabelText(/Bundle files or folders/), path);
  await user.click(screen.getByRole('button', { name: 'Import' }));
  const result = await screen.findByTestId('import-result', {}, { timeout: 10_000 });
  expect(result.getAttribute('data-status')).toBe('imported');
  expect(await screen.findByRole('table', { name: 'Audits at headquarters' })).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Delivered by hand' }));
  await waitFor(() => expect(screen.getByText('HQ has it')).toBeTruthy());
}, 60_000);
