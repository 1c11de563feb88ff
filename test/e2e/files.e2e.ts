// Files in and out through the dialog.save capability, as the web harness
// implements it (one download per action): the draft PDF right after Export,
// the bundle right after Make bundle, the enrolment code from Settings (HQ
// enrolling such a code from a dropped file is in hq.e2e.ts).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { screen, shot } from './support';
import { useSiteHarness } from './ui-support';

const h = useSiteHarness();

test('export, bundle and enrolment code each end in one download', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await test.step('Export draft PDF: the download comes with the export, no second link', async () => {
    await page.goto(`${h.url}#/audit/${h.auditId}/summary`);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Export draft PDF' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(await d.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByText(`Report downloaded as ${d.suggestedFilename()}.`)).toBeVisible();
    await expect(page.getByRole('link', { name: /^Save .*\.pdf$/ })).toHaveCount(0);
    await shot(page, 'files-01-export-downloaded');
  });

  await test.step('Make bundle: made and downloaded in one action', async () => {
    await page.goto(`${h.url}#/sync`);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Make bundle' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/\.fsb$/);
    await expect(page.getByText(/^Bundle made: 1 audit, .*A copy downloaded as .*\.fsb\.$/)).toBeVisible();
  });

  await test.step('Settings: the enrolment code, saved as a file', async () => {
    await page.goto(`${h.url}#/settings`);
    const code = page.getByLabel('Enrolment code', { exact: true });
    await expect(code).toHaveValue(/^Fairsite enrolment code\nName: Ana Reyes\nAuditor ID: AUD-0042\n[\s\S]*-----BEGIN PUBLIC KEY-----/);
    await page.getByRole('heading', { name: 'Enrolment code for headquarters' }).scrollIntoViewIfNeeded();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as file…' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('fairsite-enrolment-AUD-0042.txt');
    expect(readFileSync(await d.path(), 'utf8')).toBe(await code.inputValue());
    await expect(page.getByTestId('enrolment-qr')).toBeVisible();
    await screen(page, 'files-02-settings-enrolment');
  });

  expect(errors).toEqual([]);
});
