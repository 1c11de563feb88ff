// The Sync screen in Chromium against the real core: a bundle made from the
// outbox and listed with its state, HQ's key made, and both panels checked
// with axe-core and saved as screenshots.
import { test, expect } from '@playwright/test';
import { screen } from './support';
import { useEvidenceHarness } from './evidence-support';

const h = useEvidenceHarness();

test('sync: make a bundle into the outbox, make the HQ key', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}#/sync`);
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();

  await page.getByRole('button', { name: 'Make bundle' }).click();
  await expect(page.getByText(/^Bundle made: 1 audit\(s\)/)).toBeVisible({ timeout: 30_000 });
  const rows = page.getByRole('table', { name: 'Bundles' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Waiting to send');
  await screen(page, 'sync-01-outbox');

  await page.getByRole('button', { name: 'Make the HQ key' }).click();
  await expect(page.getByRole('button', { name: 'Make the HQ key' })).toHaveCount(0);
  await page.getByRole('heading', { name: 'Headquarters', exact: true }).scrollIntoViewIfNeeded();
  await screen(page, 'sync-02-headquarters');
  expect(errors).toEqual([]);
});
