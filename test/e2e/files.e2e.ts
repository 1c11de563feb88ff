// Files in and out through the dialog.save capability, as the web harness
// implements it (one download per action): the draft PDF right after Export,
// the bundle right after Make bundle, the enrolment code from Settings; and
// HQ enrolling that code from a dropped file.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { screen, shot } from './support';
import { useSiteHarness } from './ui-support';

const h = useSiteHarness();

test('export, bundle and enrolment code each end in one download; HQ enrols the dropped code once under a double-click', async ({ page }) => {
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
    await expect(page.getByText(/^Bundle made: 1 audit\(s\).*A copy downloaded as .*\.fsb\.$/)).toBeVisible();
  });

  let codeFile = '';
  await test.step('Settings: the enrolment code, saved as a file', async () => {
    await page.goto(`${h.url}#/settings`);
    const code = page.getByLabel('Enrolment code', { exact: true });
    await expect(code).toHaveValue(/^Fairsite enrolment code\nName: Ana Reyes\nAuditor ID: AUD-0042\n[\s\S]*-----BEGIN PUBLIC KEY-----/);
    await page.getByRole('heading', { name: 'Enrolment code for headquarters' }).scrollIntoViewIfNeeded();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as file…' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('fairsite-enrolment-AUD-0042.txt');
    codeFile = readFileSync(await d.path(), 'utf8');
    expect(codeFile).toBe(await code.inputValue());
    await screen(page, 'files-02-settings-enrolment');
  });

  await test.step('HQ: the code file dropped on the enrol form fills it; enrolled', async () => {
    await page.goto(`${h.url}#/sync`);
    await page.getByRole('button', { name: 'Make the HQ key' }).click();
    const form = page.getByRole('form', { name: 'Enrol an auditor' });
    await form.scrollIntoViewIfNeeded();
    const dt = await page.evaluateHandle((text) => { const d = new DataTransfer(); d.items.add(new File([text], 'fairsite-enrolment-AUD-0042.txt', { type: 'text/plain' })); return d; }, codeFile);
    await page.dispatchEvent('[data-testid="enrol-drop"]', 'drop', { dataTransfer: dt });
    await expect(form.getByLabel('Name')).toHaveValue('Ana Reyes');
    await expect(form.getByLabel('Auditor ID')).toHaveValue('AUD-0042');
    await screen(page, 'files-03-hq-enrol-filled');
    await form.getByRole('button', { name: 'Enrol', exact: true }).dblclick();
    const enrolled = page.getByRole('list', { name: 'Enrolled auditors' }).getByRole('listitem');
    await expect(enrolled).toHaveCount(1);
    await expect(enrolled).toContainText('Ana Reyes (AUD-0042)');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
  expect(errors).toEqual([]);
});
