// The Sync screen in Chromium against the real core: a bundle made from the
// outbox and listed with its state, checked with axe-core and saved as a
// screenshot. (HQ's key is made in HQ mode: hq.e2e.ts.)
import { test, expect } from '@playwright/test';
import { screen } from './support';
import { useEvidenceHarness } from './evidence-support';

const h = useEvidenceHarness();

test('sync: make a bundle into the outbox', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}#/sync`);
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();

  await page.getByRole('button', { name: 'Make bundle' }).click();
  await expect(page.getByText(/^Bundle made: 1 audit, /)).toBeVisible({ timeout: 30_000 });
  const rows = page.getByRole('table', { name: 'Bundles' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Waiting to send');
  await screen(page, 'sync-01-outbox');

  await expect(page.getByRole('heading', { name: 'Headquarters', exact: true })).toHaveCount(0);
  expect(errors).toEqual([]);
});
