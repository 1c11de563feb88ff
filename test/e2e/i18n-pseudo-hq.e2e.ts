// The first run and every headquarters screen in the pseudo-locale (built
// from the English catalogues for this run, never shipped) at 1280×800: any
// visible text or accessible name that did not come through i18next fails,
// and so does text that is cut or runs off the window. What the records
// hold (names, sites, the template's own texts, notes) is data and is taken
// out first: every string the core returns for the screen shown, except
// single lower-case words (codes a screen must translate, never show) and
// the core's own sentences. Those arrive as messages (a key and its
// parameters, `text` beside the English `message`): the key and the English
// twin are not data, only the parameters (a file, a bundle ID) are, so a
// core sentence shown in English instead of through t() fails the run. The
// inbox holds refusals for that: a cut-short bundle, a file that is no
// bundle, and one imported twice; the database setting refuses an address.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { parseEnrolmentCode } from '../../shared/enrolment';
import { COUNTRY_CODES, CURRENCY_CODES } from '../../shared/iso-codes';
import { harnessCall, shot } from './support';
import { makeAuditorFiles, type AuditorFiles } from './hq-support';
import { expectLocalized, templateTexts, usePseudoLocale } from './i18n-support';
import { PSEUDO } from './pseudo-locale';
import { dataOnly } from './core-texts';

let root: string;
let files: AuditorFiles;
let hq: Harness;
let fresh: Harness;
const seen: string[] = [];

/** Every string in a value the core returned, kept as data (codes, single lower-case words, left out; core sentences too). */
function remember(v: unknown, codesToo = false): void {
  for (const s of templateTexts(dataOnly(v))) if (codesToo || !/^[a-z_]+$/.test(s)) seen.push(s);
}
async function call<T>(op: string, input: unknown): Promise<T> {
  const v = await harnessCall<T>(hq.url, op, input);
  remember(v);
  return v;
}

// Names Intl gives in the UI language (countries, currencies) are localized by Intl, not i18next.
const regions = new Intl.DisplayNames([PSEUDO], { type: 'region' });
const currencies = new Intl.DisplayNames([PSEUDO], { type: 'currency' });
const INTL_NAMES = [...COUNTRY_CODES.map((c) => regions.of(c) ?? c), ...CURRENCY_CODES.map((c) => currencies.of(c) ?? c)];
const DATA = ['Fairsite', 'SHA-256', 'PDF', 'XLSX', 'CSV', 'JSON', 'ETI', 'age1…', 'AUD-001', 'AUD-002'];
const data = () => [...DATA, ...INTL_NAMES, ...seen];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'fairsite-e2e-pseudo-hq-'));
  files = await makeAuditorFiles(root);
  fresh = await createHarness({ dataDir: join(root, 'fresh'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
  hq = await createHarness({ dataDir: join(root, 'hq'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
  await call('install.choose', { role: 'hq' });
  for (const code of files.codes) await call('hq.enrol', parseEnrolmentCode(readFileSync(code, 'utf8'))!);
  const { jobId } = await call<{ jobId: string }>('hq.import', { paths: files.bundles });
  for (let i = 0; i < 600; i++) {
    const job = await call<{ state: string; error?: { message: string } }>('jobs.get', { id: jobId });
    if (job.state === 'failed') throw new Error(job.error?.message);
    if (job.state === 'done') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // Refusals and a repeat, kept in the inbox's receipts: their sentences come from the core.
  const cut = join(root, 'cut-short.fsb');
  writeFileSync(cut, readFileSync(files.bundles[0]!).subarray(0, 4000));
  const notBundle = join(root, 'notes.fsb');
  writeFileSync(notBundle, 'Meeting notes, not a bundle.\n'.repeat(20));
  const inbox = await call<{ jobId: string }>('hq.importInbox', { paths: [cut, notBundle, files.bundles[0]!], source: 'picked' });
  for (let i = 0; i < 600; i++) {
    const job = await call<{ state: string; result?: Array<{ status: string }> }>('jobs.get', { id: inbox.jobId });
    if (job.state === 'failed') throw new Error('the inbox import failed');
    if (job.state === 'done') {
      expect(job.result?.map((r) => r.status)).toEqual(['rejected', 'rejected', 'already_imported']);
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // What the screens below read: each answer kept as data.
  await call('hq.audits', {});
  await call('hq.sites', {});
  await call('hq.tracker', {});
  await call('hq.dashboard', {});
  await call('hq.inbox', {});
  await call('hq.auditorActivity', {}).catch(() => undefined);
  for (const id of [files.photoAudit, files.rev1, files.rev2]) await call('hq.audit', { auditId: id });
  const tpl = JSON.parse(readFileSync(new URL('../../assets/templates/bpo-ethical-compliance.json', import.meta.url), 'utf8')) as unknown;
  // The template's own texts and ids (section ids label the dashboard's chart; choice values are shown as
  // stored, the HQ read model carrying no option labels) are data.
  remember(tpl, true);
});

test.afterAll(async () => {
  await hq?.close();
  await fresh?.close();
  files?.close();
  rmSync(root, { recursive: true, force: true });
});

test('first run and headquarters in the pseudo-locale: all text through i18next, nothing cut at 1280×800', async ({ page }) => {
  test.setTimeout(300_000);
  await usePseudoLocale(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await test.step('first run: what this installation is', async () => {
    await page.goto(fresh.url);
    await expect(page.locator('.role-choice')).toBeVisible();
    await shot(page, 'pseudo-hq-01-first-run-choice');
    await expectLocalized(page, 'first run (choice)', ['main'], data());
  });
  await test.step('first run: the auditor\'s profile, then the key made', async () => {
    await page.locator('.role-choice__btn').first().click();
    const inputs = page.locator('form.form input');
    await expect(inputs.first()).toBeVisible();
    await expectLocalized(page, 'first run (profile)', ['main'], data());
    await inputs.nth(0).fill('Ana Reyes');
    await inputs.nth(1).fill('Fair Labour Assurance');
    await inputs.nth(2).fill('ana@example.org');
    await inputs.nth(3).fill('AUD-0042');
    await page.locator('form.form button[type="submit"]').click();
    await expect(page.getByTestId('fingerprint')).toBeVisible();
    await shot(page, 'pseudo-hq-02-first-run-key');
    await expectLocalized(page, 'first run (key)', ['main'], [...data(), 'Ana Reyes', 'Fair Labour Assurance', 'AUD-0042']);
  });

  const screens: Array<[string, string, string]> = [
    ['dashboard', '#/hq/dashboard', 'main'],
    ['inbox', '#/hq/inbox', 'main'],
    ['auditors', '#/hq/auditors', 'main'],
    ['audits', '#/hq/audits', 'main'],
    ['audit view', `#/hq/audits/${encodeURIComponent(files.photoAudit)}`, 'main'],
    ['audit view (finalized, revised)', `#/hq/audits/${encodeURIComponent(files.rev2)}`, 'main'],
    ['revision diff', `#/hq/audits/${encodeURIComponent(files.rev2)}/diff`, 'main'],
    ['sites', '#/hq/sites', 'main'],
    ['tracker', '#/hq/tracker', 'main'],
    ['settings', '#/hq/settings', 'main'],
  ];
  for (const [name, hash, root] of screens) {
    await test.step(`headquarters: ${name}`, async () => {
      await page.goto(`${hq.url}${hash}`);
      await page.waitForLoadState('networkidle');
      await expect(page.locator(`${root} h1, ${root} h2`).first()).toBeVisible();
      await shot(page, `pseudo-hq-${name.replace(/\W+/g, '-')}`);
      await expectLocalized(page, `headquarters ${name}`, [root, '.topbar, header'], data());
    });
  }
  await test.step('headquarters: settings, a database address refused', async () => {
    const panel = page.locator('section[aria-labelledby="hqdb-h"]');
    await panel.locator('input[name="hq-engine"][value="postgres"]').check();
    await panel.locator('#hq-db-url').fill('mysql://hq@db.example/fairsite');
    await panel.locator('button[type="submit"]').click();
    await expect(panel.getByRole('alert')).toBeVisible();
    await panel.getByRole('alert').scrollIntoViewIfNeeded();
    await shot(page, 'pseudo-hq-settings-database-refused');
    await expectLocalized(page, 'headquarters settings (database refused)', ['main', '.topbar, header'], data());
  });
  expect(errors).toEqual([]);
});
