// @vitest-environment jsdom
// The laptop's sync screen on a real core through the real dispatch: make a
// bundle, see it in the outbox, mark it delivered by hand. (Headquarters'
// import and enrolment have their own screens: test/unit/renderer/hq/hq-screens.test.tsx.)
import { afterAll, beforeAll, expect, test } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rmSync } from 'node:fs';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { SyncScreen } from '../../../../renderer/src/sync/SyncScreen';
import { createDispatch } from '../../../../electron/handlers/dispatch';
import { handlers } from '../../../../electron/handlers/index';
import { makeLaptop, type Laptop } from '../../../integration/bundle/laptop';

let laptop: Laptop;
beforeAll(async () => { laptop = await makeLaptop('Asha Rao', 'AUD-001'); });
afterAll(() => {
  laptop.core.close();
  rmSync(laptop.dir, { recursive: true, force: true });
});

test('make a bundle; the outbox lists it until HQ has it', async () => {
  const user = userEvent.setup();
  // The harness's Save as… is a download: jsdom has no object URLs of its own.
  URL.createObjectURL = () => 'blob:bundle';
  URL.revokeObjectURL = () => {};
  const transport = createDispatch(handlers, laptop.core);
  render(<ClientProvider transport={transport}><SyncScreen /></ClientProvider>);

  await screen.findByText(/No bundles yet/);
  await user.click(screen.getByRole('button', { name: 'Make bundle' }));
  expect(await screen.findByText(/Bundle made: 2 audits, .*, full, not encrypted.*A copy downloaded as .*\.fsb\./, {}, { timeout: 10_000 })).toBeTruthy();
  const row = await screen.findByTestId('outbox-row');
  expect(row.getAttribute('data-state')).toBe('pending');
  expect(within(row).getByText(/\.fsb$/)).toBeTruthy();

  expect(screen.queryByRole('heading', { name: 'Headquarters' })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Delivered by hand' }));
  await waitFor(() => expect(screen.getByText('HQ has it')).toBeTruthy());
}, 60_000);
