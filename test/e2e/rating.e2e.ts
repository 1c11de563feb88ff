// The rating as an auditor meets it, in Chromium against the real core and
// the built-in template: a non-compliance starts at the template's severity
// with the definitions beside the buttons; a zero-tolerance item raises the
// alert on its own; the auditor's flag goes when the answer changes; the
// summary shows the alert apart from the grade and says how it was rated.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { harnessCall, screen, waitSaved } from './support';

let h: Harness;
let dir: string;
let auditId = '';

const call = <T>(op: string, input: unknown): Promise<T> => harnessCall<T>(h.url, op, input);

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fairsite-e2e-rating-'));
  h = await createHarness({ dataDir: dir, port: 0, secretBox: passphraseBox('e2e-passphrase') });
  await call('profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana@example.org', auditorId: 'AUD-0042' });
  const [tpl] = await call<Array<{ id: string; version: string }>>('templates.list', {});
  expect(tpl?.version).toBe('2.1.0');
  const site = await call<{ id: string }>('sites.create', { name: 'Manila North Contact Centre', clients: ['Acme Telecom'], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour', minWage: 80.5, overtimeRate: 1.25 } });
  auditId = (await call<{ id: string }>('audits.create', { siteId: site.id, templateId: tpl!.id, type: 'announced', startDate: '2026-11-30', endDate: '2026-11-30' })).id;
  const template = await call<{ template: { sections: Array<{ items: Array<{ id: string; kind: string }> }> } }>('templates.get', { id: tpl!.id });
  // Everything compliant in the compliance items, so the grade comes from the findings made below.
  for (const s of template.template.sections) {
    for (const item of s.items) if (item.kind === 'compliance') await call('responses.save', { auditId, itemId: item.id, value: { kind: 'compliance', answer: 'compliant' } });
  }
});
test.afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const card = (page: Page) => page.locator('li.card--active');
async function openItem(page: Page, itemId: string) {
  await page.goto(`${h.url}#/audit/${auditId}/item/${itemId}`);
  await expect(card(page)).toHaveAttribute('data-item-id', itemId);
}

test('severity, zero tolerance and the rating, as the auditor meets them', async ({ page }) => {
  await test.step('a zero-tolerance item answered non-compliant: critical by default, definitions shown, alert promised', async () => {
    await openItem(page, 'lab.id-documents');
    await card(page).getByRole('button', { name: 'Non-compliant' }).click();
    await expect(card(page).getByRole('radio', { name: 'Critical' })).toBeChecked();
    await expect(card(page).getByText('The template grades this item Critical.', { exact: false })).toBeVisible();
    await expect(card(page).locator('.severity-def')).toContainText("Critical: A breach that puts workers' life, liberty or basic rights at immediate risk");
    await card(page).getByRole('group', { name: 'Answer' }).scrollIntoViewIfNeeded();
    await screen(page, 'rating-01-walkthrough-zero-tolerance-item');
    await card(page).getByText('What critical, major and minor mean').click();
    await expect(card(page).locator('.severity-defs dd')).toHaveCount(3);
    await expect(card(page).getByText('Zero-tolerance item.')).toBeVisible();
    await card(page).getByLabel('Note').fill('Passports of 6 agency agents kept in the HR safe; agents must ask to see them.');
    await waitSaved(page);
  });

  await test.step('a severity changed from the default asks for the reason', async () => {
    await openItem(page, 'grv.non-retaliation');
    await card(page).getByRole('button', { name: 'Non-compliant' }).click();
    await expect(card(page).getByRole('radio', { name: 'Major' })).toBeChecked();
    await card(page).getByRole('radio', { name: 'Critical' }).check();
    await expect(card(page).getByText('Changed from the template’s Major: the note must say why.')).toBeVisible();
    await card(page).getByLabel('Note').fill('Two agents moved to nights after complaining; one after speaking to the last auditor.');
    await card(page).getByRole('checkbox', { name: /Zero tolerance/ }).check();
    await waitSaved(page);
    await expect(card(page).locator('.chip')).toContainText('Zero tolerance');
  });

  await test.step('the flag goes when the answer is no longer non-compliant', async () => {
    await card(page).getByRole('button', { name: 'Not applicable' }).click();
    await waitSaved(page);
    await expect(card(page).locator('.chip')).not.toContainText('Zero tolerance');
    const detail = await call<{ responses: Array<{ itemId: string; zeroTolerance: boolean }> }>('audits.get', { id: auditId });
    expect(detail.responses.find((r) => r.itemId === 'grv.non-retaliation')?.zeroTolerance).toBe(false);
    // Back to non-compliant for the summary below.
    await card(page).getByRole('button', { name: 'Non-compliant' }).click();
    await waitSaved(page);
  });

  await test.step('summary: the alert apart from the grade, the caps, the area grades, how it was rated', async () => {
    await page.goto(`${h.url}#/audit/${auditId}/summary`);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Zero-tolerance alert: 1 finding' })).toBeVisible();
    await expect(alert.getByText('Passports of 6 agency agents kept in the HR safe; agents must ask to see them.')).toBeVisible();
    await expect(alert.getByText(/Notify now:/)).toBeVisible();
    await expect(page.locator('.band__letter')).toHaveText('E');
    await expect(page.getByText(/capped at E because/)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Grades by area' })).toContainText('key item not met');
    await expect(page.getByRole('heading', { name: 'How this audit was rated' })).toBeVisible();
    await screen(page, 'rating-02-summary');
    await page.getByRole('heading', { name: 'How this audit was rated' }).scrollIntoViewIfNeeded();
    await screen(page, 'rating-03-summary-how-rated');
  });
});
