// Every screen of the auditor's app in the pseudo-locale (generated from the
// English catalogues for this run, never shipped) at 1280×800: any visible
// text or accessible name that did not come through i18next fails, and so
// does text that is cut or runs off the window. Data shown (template texts,
// site and audit records typed for the test) is taken out first. The
// headquarters screens and the first run: i18n-pseudo-hq.e2e.ts.
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { fixtureTemplate } from '../integration/core/helpers/template-fixture';
import { harnessCall, shot } from './support';
import { expectLocalized, templateTexts, usePseudoLocale } from './i18n-support';
import { PSEUDO } from './pseudo-locale';
import { LANGUAGES } from '../../renderer/src/i18n/resources';
import { NUMBER_LOCALES } from '../../renderer/src/i18n/preferences';
import type { HoursRow, WageRow } from '../../shared/domain/response';
import { DEFAULT_BANDS } from '../../shared/scoring';

const template = fixtureTemplate({ key: 'pseudo', sections: 2, itemsPerSection: 4, mixedKinds: true });
const DATA = ['Ana Reyes', 'Fair Labour Assurance', 'ana@example.org', 'AUD-0042', 'Manila North Contact Centre', 'Acme', 'PH', 'PHP',
  'Payroll October', 'W-07', 'W1', 'Fire exit blocked on floor 3', 'Team leader', 'Tagalog', 'pay', 'Overtime is paid late',
  'Fairsite', 'SHA-256', '.p12', '.pfx', 'APSCA', 'ETI', 'MB', 'GPS', 'PDF', 'dB(A)', ...templateTexts(template),
  // Examples of what to type, in the form the server or key has whatever the language.
  'https://hq.example.org/remote.php/dav/files/fairsite/inbox/', 'age1…',
  // The rating bands are named by the template (here the default A–E).
  ...DEFAULT_BANDS.map((b) => b.band)];

const WAGES: WageRow[] = [{ worker: 'W1', period: 'hour', basePay: 50, regularHours: 160, overtimeHours: 4, overtimePay: 100 } as WageRow];
const HOURS: HoursRow[] = [{ worker: 'W1', weekStart: '2026-11-02', contracted: 48, overtime: 20, daysWorked: 7, voluntary: false }];
// Names of installed templates, given by their authors: data.
const TEMPLATE_NAMES: string[] = [];

let h: Harness;
let dir: string;
let auditId = '';
// Names Intl gives (languages in themselves, number formats in the UI language) are localized by Intl, not i18next.
const names = new Intl.DisplayNames([PSEUDO], { type: 'language' });
const INTL_NAMES = [...LANGUAGES.map((l) => { const n = new Intl.DisplayNames([l], { type: 'language' }).of(l)!; return n.charAt(0).toLocaleUpperCase(l) + n.slice(1); }), ...NUMBER_LOCALES.map((l) => names.of(l)!)];
// Text another owner's file passes to a converted component (Settings.tsx gives ProfileForm its button label).
const FROM_OTHER_FILES = ['Save profile'];
const data = () => [...DATA, ...TEMPLATE_NAMES, ...INTL_NAMES, ...FROM_OTHER_FILES];
const call = <T>(op: string, input: unknown) => harnessCall<T>(h.url, op, input);

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fairsite-e2e-pseudo-'));
  h = await createHarness({ dataDir: dir, port: 0, secretBox: passphraseBox('e2e-passphrase') });
  await call('profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana@example.org', auditorId: 'AUD-0042' });
  const templateId = (await call<{ id: string }>('templates.import', { json: JSON.stringify(template) })).id;
  const siteId = (await call<{ id: string }>('sites.create', { name: 'Manila North Contact Centre', clients: ['Acme'], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 } })).id;
  auditId = (await call<{ id: string }>('audits.create', { siteId, templateId, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' })).id;
  await call('responses.save', { auditId, itemId: 's1.i1', value: { kind: 'wage', rows: WAGES } });
  await call('responses.save', { auditId, itemId: 's1.i2', value: { kind: 'hours', rows: HOURS } });
  await call('responses.save', { auditId, itemId: 's1.i3', value: { kind: 'number', value: 90 } });
  await call('responses.save', { auditId, itemId: 's2.i1', value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Fire exit blocked on floor 3', severity: 'critical', zeroTolerance: false });
  await call('notes.save', { auditId, scope: 'audit', ref: '', body: 'Overtime is paid late' });
  await call('documents.save', { auditId, kind: 'payroll_sample', title: 'Payroll October', notes: '', itemIds: ['s1.i1'] });
  TEMPLATE_NAMES.push(...(await call<Array<{ name: string }>>('templates.list', {})).map((x) => x.name));
  await call('interviews.save', { auditId, code: 'W-07', type: 'individual', role: 'Team leader', language: 'Tagalog', consent: true, topics: ['pay'], excerpts: [] });
});

test.afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

test('converted screens in the pseudo-locale: all text through i18next, nothing cut at 1280×800', async ({ page }) => {
  test.setTimeout(240_000);
  await usePseudoLocale(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const open = async (hash: string) => { await page.goto(`${h.url}${hash}`); await page.waitForLoadState('networkidle'); };

  await test.step('walkthrough: wage sample, frame, sections, filters', async () => {
    await open(`#/audit/${auditId}/item/s1.i1`);
    await expect(page.locator('.card--active')).toBeVisible();
    await shot(page, 'pseudo-01-walkthrough-wage');
    await expectLocalized(page, 'walkthrough (wage)', ['.audit__head', '.tabs', '.walk'], data(), ['.topbar']);
  });
  for (const [item, name] of [['s1.i2', 'hours'], ['s1.i3', 'number'], ['s1.i4', 'choice'], ['s2.i1', 'non-compliance']] as const) {
    await test.step(`walkthrough: ${name} item`, async () => {
      await open(`#/audit/${auditId}/item/${item}`);
      await expect(page.locator(`.card--active[data-item-id="${item}"]`)).toBeVisible();
      if (item === 's1.i2') await page.locator('.card--active .grid tbody button').first().click(); // the 14-day record
      await page.locator('.card--active details.guidance > summary').click();
      await shot(page, `pseudo-02-walkthrough-${name}`);
      await expectLocalized(page, `walkthrough (${name})`, ['.walk'], data());
    });
  }
  await test.step('keyboard help', async () => {
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, 'pseudo-03-help');
    await expectLocalized(page, 'keyboard help', ['.dialog'], [...DATA, 'Esc']);
    await page.keyboard.press('Escape');
  });
  await test.step('evidence: photos, notes, documents, interviews and their forms', async () => {
    await open(`#/audit/${auditId}/evidence`);
    await expect(page.locator('.ev-page')).toBeVisible();
    await page.locator('#ev-interviews').locator('..').getByRole('button').last().click(); // record an interview
    await shot(page, 'pseudo-04-evidence');
    await expectLocalized(page, 'evidence', ['.ev-page'], data());
  });
  await test.step('summary: rating, areas, report panels, consistency warnings', async () => {
    await open(`#/audit/${auditId}/summary`);
    await expect(page.locator('.report-panel')).toBeVisible();
    await page.locator('.report-panel > details > summary').click();
    await expect(page.locator('.report-panel form')).toBeVisible();
    await shot(page, 'pseudo-05-report-panels');
    await expectLocalized(page, 'summary', ['.page'], data());
  });
  await test.step('export: the dialog, a draft exported, its result', async () => {
    await page.locator('.report-export').scrollIntoViewIfNeeded();
    await expectLocalized(page, 'export dialog', ['.report-export'], data());
    await page.locator('.report-export button.btn--primary').click();
    await expect(page.locator('.report-export__done')).toBeVisible({ timeout: 90_000 });
    await page.locator('.report-export').scrollIntoViewIfNeeded();
    await shot(page, 'pseudo-05b-export-done');
    await expectLocalized(page, 'export result', ['.report-export'], data());
  });
  await test.step('findings: the list and an action form', async () => {
    await open(`#/audit/${auditId}/findings`);
    await expect(page.locator('.findings')).toBeVisible();
    await page.locator('.finding button').first().click();
    await shot(page, 'pseudo-05c-findings');
    await expectLocalized(page, 'findings', ['.page'], data());
  });
  await test.step('home: the audit list, filters and groups', async () => {
    await open('#/');
    await expect(page.locator('.audit-list').first()).toBeVisible();
    await shot(page, 'pseudo-05d-home');
    await expectLocalized(page, 'home', ['main'], data());
  });
  await test.step('sync: settings, outbox, a bundle made', async () => {
    await open('#/sync');
    await expect(page.locator('section[aria-labelledby="outbox-h"]')).toBeVisible();
    await page.locator('section[aria-labelledby="outbox-h"] .panel__head button, section[aria-labelledby="outbox-h"] button.btn').first().click();
    await expect(page.locator('section[aria-labelledby="outbox-h"] table')).toBeVisible({ timeout: 60_000 });
    await shot(page, 'pseudo-05e-sync');
    await expectLocalized(page, 'sync', ['main'], data());
  });
  await test.step('settings: language, profile, credentials, keys, certificate, evidence panels', async () => {
    await open('#/settings');
    await expect(page.locator('.language-panel')).toBeVisible();
    await shot(page, 'pseudo-06-settings');
    await expectLocalized(page, 'settings panels', ['.language-panel', 'form.form', 'section[aria-labelledby="keys-h"]', 'section[aria-labelledby="cert-h"]', 'section[aria-labelledby="evidence-settings-h"]'], data());
  });
  await test.step('new audit: site and audit forms', async () => {
    await open('#/new');
    await expect(page.locator('form.form').first()).toBeVisible();
    await shot(page, 'pseudo-07-new-audit');
    await expectLocalized(page, 'new audit forms', ['form.form'], data());
  });
  expect(errors).toEqual([]);
});

test('the check finds English text that bypasses i18next', async ({ page }) => {
  await usePseudoLocale(page);
  await page.goto(`${h.url}#/audit/${auditId}/evidence`);
  await expect(page.locator('.ev-page')).toBeVisible();
  await page.evaluate(() => { document.querySelector('.ev-page h2')!.append(' Plain English'); });
  const { scanScreen } = await import('./i18n-support');
  const p = await scanScreen(page, ['.ev-page'], DATA);
  expect(p.untranslated.some((t) => t.includes('Plain English'))).toBe(true);
});
