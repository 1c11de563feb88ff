// The home screen in Chromium against the real core: an audit the auditor
// is still working on stays under "In progress" after a bundle that carried
// it reached headquarters (made and marked delivered on the Sync screen);
// the group counts show; search goes to the core once typing pauses.
import { test, expect } from '@playwright/test';
import { screen } from './support';
import { useEvidenceHarness } from './evidence-support';

const h = useEvidenceHarness();

test('home: an audit in progress stays under "In progress" after its bundle was acknowledged', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await h.call('responses.save', { auditId: h.auditId, itemId: 's1.i1', value: { kind: 'compliance', answer: 'compliant' }, note: '', severity: null, zeroTolerance: false });

  await page.goto(`${h.url}#/sync`);
  await page.getByRole('button', { name: 'Make bundle' }).click();
  await expect(page.getByText(/^Bundle made: 1 audit, /)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Delivered by hand' }).click();
  await expect(page.getByRole('button', { name: 'Delivered by hand' })).toHaveCount(0);

  await page.goto(`${h.url}#/`);
  const progress = page.getByRole('region', { name: /^In progress/ });
  await expect(progress.getByRole('heading', { name: 'In progress 1' })).toBeVisible();
  await expect(progress.locator('.audit-row')).toHaveCount(1);
  await expect(progress.locator('.audit-row')).toContainText('Cebu IT Park Centre');
  await expect(page.getByRole('region', { name: /^Sent to headquarters/ })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Audits by group' })).toContainText('In progress 1');
  await screen(page, 'home-01-in-progress-after-ack');

  // Typing "Cebu" sends one search, after the pause, not one per keystroke.
  const searches: string[] = [];
  page.on('request', (r) => {
    const body = r.postData();
    if (r.url().endsWith('/api/call') && body?.includes('"audits.browse"')) searches.push(body);
  });
  await page.getByRole('searchbox').pressSequentially('Cebu', { delay: 30 });
  await expect(progress.locator('.audit-row')).toHaveCount(1);
  await expect.poll(() => searches.length).toBe(1);
  expect(searches[0]).toContain('"text":"Cebu"');
  await page.getByRole('searchbox').fill('Nowhere at all');
  await expect(page.getByText('No audits match these filters.')).toBeVisible();
  expect(errors).toEqual([]);
});
