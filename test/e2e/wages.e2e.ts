// Wages and hours as the auditor enters them, in Chromium against the real
// core: a site filled from the Philippines legal profile; numbers read as
// typed ("18,500" is 18500, "-500" refused by the field); an empty new row is
// not a breach and raises no finding; a 200-hour week and 9 days in 7 are
// refused; a 14-day record finds nine days in a row across the week boundary.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { harnessEnvelope, screen, waitSaved } from './support';

// A harness of its own (a fresh data folder with a profile), so the
// first-run test of the shared harness still finds a new installation.
let h: Harness;
let dir: string;
const baseUrl = () => h.url;
const api = (_page: Page, op: string, input: unknown) => harnessEnvelope(h.url, op, input);
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fairsite-e2e-wages-'));
  h = await createHarness({ dataDir: dir, port: 0, secretBox: passphraseBox('e2e-passphrase') });
  await api(null as unknown as Page, 'profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana@example.org', auditorId: 'AUD-0042' });
});
test.afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const activeCard = (page: Page) => page.locator('li.card--active');

async function openItem(page: Page, auditId: string, itemId: string) {
  await page.goto(`${baseUrl()}#/audit/${auditId}/item/${itemId}`);
  await expect(activeCard(page)).toHaveAttribute('data-item-id', itemId);
}

interface Detail { responses: Array<{ itemId: string; value: { rows?: Array<Record<string, unknown>> } | null }> }
const answerOf = async (page: Page, auditId: string, itemId: string) => {
  const d = (await api(page, 'audits.get', { id: auditId })).value as Detail;
  return d.responses.find((r) => r.itemId === itemId)?.value ?? null;
};
const findingsOf = async (page: Page, auditId: string) => (await api(page, 'findings.list', { auditId })).value as Array<{ itemId: string; summary: string }>;

test('wages and hours: numbers read as typed, empty rows not judged, impossible values refused', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  let auditId = '';
  await test.step('a site in Manila, filled from the Philippines profile; "-500" refused', async () => {
    await page.goto(`${baseUrl()}#/new`);
    const add = page.getByRole('button', { name: 'Add a new site' });
    if (await add.isVisible()) await add.click();
    const site = page.getByRole('form', { name: 'New site' });
    await site.getByLabel('Site name').fill('Makati Contact Centre');
    await site.getByLabel('Search country').fill('philip');
    await site.getByLabel('Country', { exact: true }).selectOption('PH');
    await site.getByRole('button', { name: 'Fill from the Philippines profile' }).click();
    await expect(site.getByLabel('Currency', { exact: true })).toHaveValue('PHP');
    await expect(site.getByLabel('Night work rate')).toHaveValue('1.1');
    const wage = site.getByLabel('Legal minimum wage');
    await wage.fill('-500');
    await expect(wage).toHaveAttribute('aria-invalid', 'true');
    await expect(site.getByText('Cannot be negative')).toBeVisible();
    await site.getByRole('button', { name: 'Save site' }).click();
    await expect(site.getByText('Some numbers could not be read: correct the fields marked below.')).toBeVisible();
    await wage.scrollIntoViewIfNeeded();
    await screen(page, 'wages-01-site-minus-500-refused');
    await wage.fill('695');
    await expect(wage).not.toHaveAttribute('aria-invalid', 'true');
    await site.getByText('Sources').scrollIntoViewIfNeeded();
    await screen(page, 'wages-02-site-legal-profile');
    await site.getByRole('button', { name: 'Save site' }).click();
    await expect(page.getByText('Site “Makati Contact Centre” saved and selected below.')).toBeVisible();
    const sites = (await api(page, 'sites.list', {})).value as Array<{ name: string; legal: Record<string, unknown> }>;
    expect(sites.find((s) => s.name === 'Makati Contact Centre')?.legal).toMatchObject({ basis: 'PH', wagePeriod: 'day', minWage: 695, overtimeRate: 1.25, nightRate: 1.1 });
    const form = page.getByRole('form', { name: 'New audit' });
    await form.getByLabel('Checklist template').selectOption({ index: 1 });
    await form.getByLabel('Start date').fill('2026-11-30');
    await form.getByLabel('End date').fill('2026-11-30');
    await form.getByRole('button', { name: 'Create audit and start' }).click();
    // The site and workforce profile follows; this test has no use for it.
    await page.getByRole('form', { name: 'Site and workforce profile' }).getByRole('button', { name: 'Skip for now' }).click();
    await expect(page).toHaveURL(/#\/audit\//);
    auditId = /#\/audit\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  });

  await test.step('wage sample: an empty row is no breach; "18,500" is 18500; "-500" is refused', async () => {
    await openItem(page, auditId, 'wh.wage-sample');
    const card = activeCard(page);
    await card.getByRole('button', { name: 'Add worker' }).click();
    await expect(card.getByTestId('wage-verdict-1')).toContainText('Cannot check');
    await expect(card.getByText('1 sampled, 0 breaches')).toBeVisible();
    await expect(card.getByTestId('wage-warnings')).toContainText('1 row is incomplete and not judged.');
    await waitSaved(page);
    expect((await findingsOf(page, auditId)).filter((f) => f.itemId === 'wh.wage-sample')).toEqual([]);
    await expect(card.locator('.chip')).not.toContainText('finding');

    await card.getByLabel('Row 1 pay period').selectOption('month');
    await card.getByLabel('Row 1 base pay').fill('18,500');
    await card.getByLabel('Row 1 regular hours').fill('176');
    await card.getByLabel('Row 1 overtime hours').fill('0');
    await expect(card.getByTestId('wage-verdict-1')).toContainText('OK');
    await waitSaved(page);
    expect((await answerOf(page, auditId, 'wh.wage-sample'))?.rows?.[0]).toMatchObject({ basePay: 18500, regularHours: 176 });

    await card.getByRole('button', { name: 'Add worker' }).click();
    const base2 = card.getByLabel('Row 2 base pay');
    await base2.fill('-500');
    await expect(base2).toHaveAttribute('aria-invalid', 'true');
    await expect(card.getByText('Cannot be negative')).toBeVisible();
    await expect(card.getByTestId('wage-verdict-2')).toContainText('Cannot check');
    await expect(card.getByTestId('wage-warnings')).toContainText('Only 2 workers sampled: the template asks for at least 10');
    await waitSaved(page);
    expect((await answerOf(page, auditId, 'wh.wage-sample'))?.rows?.[1]).toMatchObject({ basePay: null });
    expect((await findingsOf(page, auditId)).filter((f) => f.itemId === 'wh.wage-sample')).toEqual([]);
    await screen(page, 'wages-03-wage-sample');
  });

  await test.step('hours sample: a 200-hour week and 9 days in 7 refused; nine days in a row found', async () => {
    await openItem(page, auditId, 'wh.hours-sample');
    const card = activeCard(page);
    await card.getByRole('button', { name: 'Add worker-week' }).click();
    await expect(card.getByTestId('hours-verdict-1')).toContainText('Cannot check');
    await expect(card.getByLabel('Row 1 overtime voluntary')).toHaveValue('');
    const contracted = card.getByLabel('Row 1 contracted hours');
    await contracted.fill('200');
    await expect(contracted).toHaveAttribute('aria-invalid', 'true');
    await expect(card.getByText(/At most 168 hours/)).toBeVisible();
    const days = card.getByLabel('Row 1 days worked');
    await days.fill('9');
    await expect(card.getByText('At most 7 days in 7')).toBeVisible();
    await expect(days).toHaveValue('9');
    await waitSaved(page);
    expect((await answerOf(page, auditId, 'wh.hours-sample'))?.rows?.[0]).toMatchObject({ contracted: null, daysWorked: null, voluntary: null });
    expect((await findingsOf(page, auditId)).filter((f) => f.itemId === 'wh.hours-sample')).toEqual([]);
    await screen(page, 'wages-04-hours-refused');

    await contracted.fill('40');
    await card.getByLabel('Row 1 overtime hours').fill('0');
    await days.fill('5');
    await card.getByLabel('Row 1 week starting').fill('2026-11-02');
    await card.getByRole('button', { name: /row 1 14-day record/ }).click();
    const record = [0, 0, 8, 8, 8, 8, 8, 8, 8, 8, 8, 0, 0, 0];
    for (const [i, h] of record.entries()) await card.getByLabel(`Row 1 day ${i + 1} hours`).fill(String(h));
    await expect(card.getByTestId('hours-verdict-1')).toContainText('Breach');
    await expect(card.getByText(/worked 9 consecutive days \(2026-11-04 to 2026-11-12\) without a day off/)).toBeVisible();
    await waitSaved(page);
    const f = (await findingsOf(page, auditId)).find((x) => x.itemId === 'wh.hours-sample');
    expect(f?.summary).toMatch(/worked 9 consecutive days/);
    expect(f?.summary).toMatch(/Only 1 worker sampled/);
    await card.getByText('Hours worked each day from the week start').scrollIntoViewIfNeeded();
    await screen(page, 'wages-05-hours-14-days');
  });

  expect(errors).toEqual([]);
});
