// Headquarters in Chromium against the real core: a fresh installation
// chosen as headquarters enrols two auditors by dropping their enrolment
// code files, receives their bundles by drag and drop, opens an audit with
// its photos (thumbnail, then full size) and its signed PDF, sees what a
// reopened report changed, filters the tracker to overdue actions and
// exports XLSX (read back with exceljs). Each screen is checked with axe.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { firstRun, screen } from './support';
import { makeAuditorFiles, type AuditorFiles } from './hq-support';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';

let root: string;
let files: AuditorFiles;
let h: Harness;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = mkdtempSync(join(tmpdir(), 'fairsite-e2e-hq-'));
  files = await makeAuditorFiles(root);
  h = await createHarness({ dataDir: join(root, 'hq-install'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
});
test.afterAll(async () => {
  await h?.close();
  files?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Drops files on an element as a person dragging them from a USB stick would. */
async function dropFiles(page: Page, selector: string, paths: string[]): Promise<void> {
  const payload = paths.map((p) => ({ name: basename(p), base64: readFileSync(p).toString('base64') }));
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) d.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return d;
  }, payload);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: dt });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
}

async function go(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Headquarters' }).getByRole('link', { name: link, exact: true }).click();
}

test('headquarters: two auditors enrolled and their bundles dropped; an audit, its photos and PDF; the revision diff; overdue actions; XLSX', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await test.step('first run: this installation is headquarters', async () => {
    await page.goto(h.url);
    await screen(page, 'hq-01-first-run-choice');
    await firstRun(page, 'hq');
  });

  await test.step('auditors: both enrolment code files dropped, enrolled', async () => {
    await go(page, 'Auditors');
    for (const [i, code] of files.codes.entries()) {
      await dropFiles(page, '[data-testid="enrol-drop"]', [code]);
      const form = page.getByRole('form', { name: 'Enrol an auditor' });
      await expect(form.getByLabel('Auditor ID')).toHaveValue(`AUD-00${i + 1}`);
      // A double-click enrols once.
      await form.getByRole('button', { name: 'Enrol', exact: true }).dblclick();
      await expect(page.getByRole('list', { name: 'Enrolled auditors' }).locator(':scope > li')).toHaveCount(i + 1);
      await expect(page.getByRole('alert')).toHaveCount(0);
    }
    await screen(page, 'hq-02-auditors');
  });

  await test.step('inbox: the three bundles of two auditors dropped at once, imported', async () => {
    await go(page, 'Inbox');
    await dropFiles(page, '[data-testid="inbox-drop"]', files.bundles);
    const results = page.getByTestId('import-result');
    await expect(results.first()).toBeVisible({ timeout: 60_000 });
    const statuses = await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.filter((s) => s === 'imported')).toHaveLength(3);
    await expect(page.getByRole('table', { name: 'Bundles received' }).locator('tbody tr')).toHaveCount(statuses.length);
    await expect(page.getByRole('heading', { name: '3 bundles at headquarters' })).toBeVisible();
    await screen(page, 'hq-03-inbox');
  });

  await test.step('audits: every audit listed; the one with photos opened read-only', async () => {
    await go(page, 'Audits');
    const table = page.getByRole('table', { name: 'Audits at headquarters' });
    // Each laptop's two demo audits (Asha's finalized one as its revision 2; revision 1 is superseded) and Ben's Pune audit.
    await expect(table.locator('tbody tr')).toHaveCount(5);
    await screen(page, 'hq-04-audits');
    await page.goto(`${h.url}#/hq/audits/${files.photoAudit}`);
    await expect(page.getByRole('heading', { name: 'Verification' })).toBeVisible();
    await expect(page.getByText(/Audit trail: \d+ events, every hash and link recomputed at import\./)).toBeVisible();
    const thumbs = page.getByRole('list', { name: 'Photos' }).getByRole('button');
    await expect(thumbs).toHaveCount(2);
    await expect(thumbs.first().locator('img')).toHaveAttribute('src', /^data:image\//);
    await page.getByRole('heading', { name: '2 photos' }).scrollIntoViewIfNeeded();
    await screen(page, 'hq-05-audit');
    await thumbs.first().click();
    const full = page.getByTestId('full-photo');
    await expect(full).toBeVisible();
    expect(await full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    await screen(page, 'hq-06-photo-full');
    await page.keyboard.press('Escape');
    await expect(full).toHaveCount(0);
  });

  await test.step('the signed PDF of the first revision: downloaded, its signature checks with pdfsig', async () => {
    await page.goto(`${h.url}#/hq/audits/${files.rev1}`);
    await expect(page.getByText(/Signed PDF .*: signature, signer and content checked\./)).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Open the signed PDF' }).click();
    const d = await download;
    const pdf = await d.path();
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfsig', [pdf], { encoding: 'utf8' })).toMatch(/Signature Validation: Signature is Valid\./);
  });

  await test.step('revision diff: the softened finding, and the report called weakened', async () => {
    await page.getByRole('link', { name: 'Compare revisions' }).click();
    const diff = page.getByTestId('diff');
    await expect(diff.getByRole('alert')).toHaveText('The report was weakened: a finding was removed or its severity lowered.');
    await expect(diff.getByText('Softened:').first()).toBeVisible();
    await screen(page, 'hq-07-diff');
  });

  await test.step('tracker: only overdue corrective actions', async () => {
    await go(page, 'Findings and actions');
    await page.getByRole('checkbox', { name: /^Open findings/ }).uncheck();
    await page.getByRole('checkbox', { name: /^Zero-tolerance alerts/ }).uncheck();
    const rows = page.getByRole('table', { name: 'Findings and corrective actions' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const kinds = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['overdue_action']));
    await expect(rows.filter({ hasText: 'Unchain the exit' })).toHaveCount(1);
    await screen(page, 'hq-08-tracker-overdue');
  });

  await test.step('audits exported to XLSX, read back', async () => {
    await go(page, 'Audits');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Audits (XLSX)' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await d.path());
    const sheet = book.worksheets[0]!;
    const listed = await page.getByRole('table', { name: 'Audits at headquarters' }).locator('tbody tr').count();
    expect(sheet.actualRowCount - 1).toBe(listed);
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => { cells.push(String(c.value)); }));
    expect(cells.some((s) => /Meridian Data Services, Pune/.test(s))).toBe(true);
    await expect(page.getByText(/^Exported \d+ rows to .*\.xlsx\.$/)).toBeVisible();
  });

  await test.step('dashboard and sites', async () => {
    await go(page, 'Dashboard');
    await expect(page.getByRole('img', { name: /^Overdue corrective actions by site/ })).toBeVisible();
    await screen(page, 'hq-09-dashboard');
    await go(page, 'Sites');
    await expect(page.getByRole('heading', { name: /Meridian Data Services, Pune/ })).toBeVisible();
    await screen(page, 'hq-10-sites');
    await go(page, 'Settings');
    await page.getByRole('button', { name: 'Make the HQ key' }).click();
    await expect(page.getByTestId('hq-recipient')).toHaveText(/^age1/);
    await screen(page, 'hq-11-settings');
  });
  expect(errors).toEqual([]);
});
