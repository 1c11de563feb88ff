// What the auditor and headquarters see of an audit, in Spanish and French,
// as screenshots to look at: the laptop's evidence screen (photo times and
// the interview log in the site's time zone, Asia/Manila for the demo) and
// HQ's audit view (choice answers by their translated labels, the site's
// zone beside its times) and dashboard (sections by their titles). The
// browser runs in another zone than the site's, as an HQ abroad would.
import { test, expect, type Browser } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { parseEnrolmentCode } from '../../shared/enrolment';
import { harnessCall, shot } from './support';

let root: string;
let laptop: Harness;
let hq: Harness;
let finalized = '';

async function waitJob(url: string, jobId: string): Promise<{ result?: unknown }> {
  for (let i = 0; i < 600; i++) {
    const job = await harnessCall<{ state: string; result?: unknown; error?: { message: string } }>(url, 'jobs.get', { id: jobId });
    if (job.state === 'failed') throw new Error(job.error?.message);
    if (job.state === 'done') return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('job did not end');
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'fairsite-e2e-display-'));
  laptop = await createHarness({ dataDir: join(root, 'laptop'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
  const lc = <T>(op: string, input: unknown) => harnessCall<T>(laptop.url, op, input);
  await lc('install.choose', { role: 'laptop' });
  await lc('profile.save', { name: 'Maria Santos', organisation: 'Fairsite demo audits', email: 'maria.santos@example.org', auditorId: 'MS-DEMO' });
  const { auditIds } = await lc<{ auditIds: string[] }>('demo.create', {});
  // The finalized audit carries the demo's photos, interviews and signatures.
  finalized = auditIds[1]!;
  const { jobId } = await lc<{ jobId: string }>('bundle.export', { full: true });
  const bundle = ((await waitJob(laptop.url, jobId)).result as { path: string }).path;
  const { code } = await lc<{ code: string }>('profile.enrolmentCode', {});

  hq = await createHarness({ dataDir: join(root, 'hq'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
  const hc = <T>(op: string, input: unknown) => harnessCall<T>(hq.url, op, input);
  await hc('install.choose', { role: 'hq' });
  await hc('hq.enrol', parseEnrolmentCode(code)!);
  await waitJob(hq.url, (await hc<{ jobId: string }>('hq.import', { paths: [bundle] })).jobId);
});

test.afterAll(async () => {
  await hq?.close();
  await laptop?.close();
  rmSync(root, { recursive: true, force: true });
});

const LANGS = [
  { locale: 'es-ES', tag: 'es', zone: 'Zona horaria del centro', at: '(hora de Asia/Manila)', dashboard: 'Hallazgos por sección de la lista', recorded: 'Registrada' },
  { locale: 'fr-FR', tag: 'fr', zone: 'Fuseau horaire du site', at: '(heure de Asia/Manila)', dashboard: 'Constats par section de la liste', recorded: 'Enregistré' },
] as const;

async function pageIn(browser: Browser, locale: string) {
  // New York: neither the site's zone nor UTC, so a time in the wrong zone shows.
  const context = await browser.newContext({ locale, timezoneId: 'America/New_York', viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

for (const l of LANGS) {
  test(`evidence screen and HQ's audit view in ${l.tag}: site times named, choices and sections by their labels`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page } = await pageIn(browser, l.locale);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${laptop.url}#/audit/${encodeURIComponent(finalized)}/evidence`);
    await expect(page.locator('.ev-tile__time').first()).toContainText(l.at);
    await shot(page, `display-${l.tag}-01-evidence-photos`);
    const interviews = page.locator('section[aria-labelledby="ev-interviews"]');
    await interviews.scrollIntoViewIfNeeded();
    await expect(interviews.getByRole('columnheader', { name: l.recorded })).toBeVisible();
    await expect(interviews.getByRole('row').nth(1)).toContainText(l.at);
    await shot(page, `display-${l.tag}-02-evidence-interviews`);

    await page.goto(`${hq.url}#/hq/audits/${encodeURIComponent(finalized)}`);
    await expect(page.locator('dt', { hasText: l.zone })).toBeVisible();
    await expect(page.locator('dt', { hasText: l.zone }).locator('xpath=following-sibling::dd[1]')).toContainText('Asia/Manila');
    await shot(page, `display-${l.tag}-03-hq-audit`);
    await page.locator('section[aria-labelledby="answers-h"] summary').click();
    const living = page.locator('section[aria-labelledby="answers-h"] tr', { hasText: 'wh.living-wage' });
    await living.scrollIntoViewIfNeeded();
    await shot(page, `display-${l.tag}-04-hq-answers`);
    const sign = page.locator('section[aria-labelledby="sign-h"]');
    await sign.scrollIntoViewIfNeeded();
    await expect(sign.getByRole('listitem').first()).toContainText(l.at);
    await shot(page, `display-${l.tag}-05-hq-signatures`);

    await page.goto(`${hq.url}#/hq/dashboard`);
    const chart = page.locator('figure', { hasText: l.dashboard });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('svg text.chart__label').first()).not.toHaveText(/^[a-z-]+$/);
    await shot(page, `display-${l.tag}-06-hq-dashboard`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
