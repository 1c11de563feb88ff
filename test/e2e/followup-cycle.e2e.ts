// The whole cycle after an audit, from the laptop to headquarters, in
// Chromium against the real core: an audit with three findings is
// finalized; the site's evidence for one action arrives by email and is
// recorded as a desk review; an on-site follow-up verifies one finding
// closed, one partially closed and one not closed and raises a new one; its
// signed report passes pdfsig and its pages are rendered; the next audit of
// the site shows last time's result at each item; the bundle is made on the
// Sync screen and dropped on a fresh headquarters, which links the follow-up
// to its audit and shows each action's closure in the audit and the tracker,
// with the evidence files the bundle carried: a picture seen as a thumbnail
// and full size, a document opened as the site sent it.
import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { fixtureJson } from '../integration/core/helpers/template-fixture';
import { firstRun, harnessCall, screen, SCREENS, waitSaved } from './support';

let root: string;
let laptop: Harness;
let hq: Harness;
let origId = '';
let siteId = '';
let templateId = '';
const call = <T>(op: string, input: unknown): Promise<T> => harnessCall<T>(laptop.url, op, input);
const today = () => new Date().toISOString().slice(0, 10);
/** The three findings, one per section, in the order the follow-up lists them. */
const FOUND = [
  { itemId: 's1.i1', severity: 'major', note: 'Fire exit on floor 2 blocked by boxes', action: 'Clear the exit and post a daily check' },
  { itemId: 's2.i1', severity: 'major', note: 'No written grievance procedure', action: 'Write and post a grievance procedure' },
  { itemId: 's3.i1', severity: 'minor', note: 'First-aid kit incomplete', action: 'Restock the first-aid kit monthly' },
] as const;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = mkdtempSync(join(tmpdir(), 'fairsite-e2e-cycle-'));
  laptop = await createHarness({ dataDir: join(root, 'laptop'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
  hq = await createHarness({ dataDir: join(root, 'hq'), port: 0, secretBox: passphraseBox('e2e-hq-passphrase') });
  await call('install.choose', { role: 'laptop' });
  await call('profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana@example.org', auditorId: 'AUD-0042' });
  templateId = (await call<{ id: string }>('templates.import', { json: fixtureJson({ key: 'e2e-cycle' }) })).id;
  siteId = (await call<{ id: string }>('sites.create', { name: 'Cebu IT Park Contact Centre', clients: ['Acme'], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour', minWage: 60, overtimeRate: 1.25 } })).id;
  origId = (await call<{ id: string }>('audits.create', { siteId, templateId, type: 'announced', startDate: '2026-11-02', endDate: '2026-11-03' })).id;
  const tpl = await call<{ template: { sections: Array<{ items: Array<{ id: string }> }> } }>('templates.get', { id: templateId });
  for (const item of tpl.template.sections.flatMap((s) => s.items)) {
    const f = FOUND.find((x) => x.itemId === item.id);
    await call('responses.save', {
      auditId: origId, itemId: item.id, value: { kind: 'compliance', answer: f ? 'non_compliant' : 'compliant' }, note: f?.note ?? '', severity: f?.severity ?? null, zeroTolerance: false,
    });
  }
  const findings = await call<Array<{ id: string; itemId: string }>>('findings.list', { auditId: origId });
  for (const f of FOUND) {
    await call('actions.save', { findingId: findings.find((x) => x.itemId === f.itemId)!.id, action: f.action, owner: 'Site manager', dueDate: '2026-11-20' });
  }
});
test.afterAll(async () => {
  await laptop?.close();
  await hq?.close();
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

test('the cycle after an audit: desk review, follow-up, signed report, bundle, closure at headquarters', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await test.step('finalize the audit with its three findings', async () => {
    await page.goto(`${laptop.url}#/audit/${origId}/summary`);
    await page.getByRole('button', { name: 'Finalize audit…' }).click();
    await expect(page.getByRole('heading', { name: 'Finalize this audit?' })).toBeVisible();
    await page.getByRole('button', { name: 'Finalize and lock' }).click();
    await expect(page.locator('.badge--finalized').first()).toBeVisible();
    const detail = await call<{ audit: { status: string }; findings: unknown[]; actions: unknown[] }>('audits.get', { id: origId });
    expect(detail.audit.status).toBe('finalized');
    expect(detail.findings).toHaveLength(3);
    expect(detail.actions).toHaveLength(3);
  });

  const hashBefore = (await call<{ audit: { contentHash: string } }>('audits.get', { id: origId })).audit.contentHash;

  await test.step("the site's evidence for one action, received by email: a desk review", async () => {
    await page.goto(`${laptop.url}#/audit/${origId}/findings`);
    const first = page.locator('.tracker').first();
    await first.getByText('Add closure evidence').click();
    await first.getByLabel('File').setInputFiles({ name: 'exit-check-log.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 daily exit check log, November') });
    await first.getByLabel('Where it comes from').selectOption('site_sent');
    await first.getByLabel('Description').fill('Emailed by the site manager');
    await first.getByRole('button', { name: 'Add the file' }).click();
    const withFile = page.locator('.tracker').filter({ hasText: 'exit-check-log.pdf' });
    await expect(withFile).toContainText('sent by the site');
    // And a picture of the cleared exit, taken on site: a real JPEG, which HQ shows as a thumbnail and full size.
    const photo = await sharp({ create: { width: 480, height: 320, channels: 3, background: '#2e7d32' } }).jpeg({ quality: 85 }).toBuffer();
    const tracks = await call<Array<{ actionId: string; evidence: unknown[] }>>('followup.actions', { auditId: origId });
    await call('followup.addEvidence', {
      actionId: tracks.find((x) => x.evidence.length)!.actionId, name: 'exit-cleared.jpg', mediaType: 'image/jpeg', data: photo.toString('base64'),
      source: 'on_site', receivedAt: today(), description: 'Exit clear, photographed on the walk',
    });
    await page.reload();
    await expect(page.locator('.tracker').filter({ hasText: 'exit-cleared.jpg' })).toBeVisible();
    await withFile.scrollIntoViewIfNeeded();
    await screen(page, 'cycle-01-desk-review-evidence');
    expect((await call<{ audit: { contentHash: string } }>('audits.get', { id: origId })).audit.contentHash).toBe(hashBefore);
  });

  let fuId = '';
  await test.step('an on-site follow-up: one closed, one partially closed, one not closed, and a new finding', async () => {
    await page.goto(`${laptop.url}#/audit/${origId}/summary`);
    await page.getByLabel('On-site visit').check();
    await page.getByRole('button', { name: 'Start follow-up' }).click();
    await expect(page).toHaveURL(/#\/audit\/[^/]+\/findings$/);
    fuId = decodeURIComponent(page.url().split('#/audit/')[1]!.split('/')[0]!);
    expect(fuId).not.toBe(origId);
    const items = page.locator('li.fu-item');
    await expect(items).toHaveCount(3);
    const verify = async (i: number, verdict: string, evidence: string, note: string) => {
      const it = items.nth(i);
      await it.getByLabel('Verification').selectOption(verdict);
      if (evidence) await it.getByLabel('Evidence seen').fill(evidence);
      if (note) await it.getByLabel('Notes').fill(note);
      await it.getByRole('button', { name: 'Save verification' }).click();
      await expect(it.getByRole('status')).toHaveText('Saved.');
    };
    await verify(0, 'closed', 'Exit clear on the walk; the daily log the site emailed', '');
    await verify(1, 'partially_closed', '', 'Procedure written, not yet posted on the floors');
    await verify(2, 'not_closed', '', 'Kit still incomplete');
    // A new finding, raised in the follow-up's checklist as in any audit.
    await page.goto(`${laptop.url}#/audit/${fuId}/item/s1.i2`);
    const card = page.locator('li.card--active');
    await expect(card).toHaveAttribute('data-item-id', 's1.i2');
    await card.getByRole('button', { name: /Non-compliant/ }).click();
    await card.getByLabel('Minor').check();
    await card.getByLabel(/^Note/).fill('Seen on the follow-up visit: a locked side door');
    await waitSaved(page);
    expect((await call<Array<{ itemId: string; severity: string }>>('findings.list', { auditId: fuId })).map((x) => [x.itemId, x.severity])).toContainEqual(['s1.i2', 'minor']);
    await page.goto(`${laptop.url}#/audit/${fuId}/findings`);
    await expect(page.getByText('Every finding is verified.')).toBeVisible();
    await screen(page, 'cycle-02-follow-up-verified');
    await page.goto(`${laptop.url}#/audit/${fuId}/summary`);
    await page.getByRole('button', { name: 'Finalize follow-up' }).click();
    await expect(page.locator('.badge--finalized').first()).toBeVisible();
    await screen(page, 'cycle-03-follow-up-finalized');
    const tracks = await call<Array<{ status: string; verifiedBy: string; evidence: unknown[] }>>('followup.actions', { auditId: origId });
    expect(tracks.map((x) => x.status).sort()).toEqual(['closed', 'in_progress', 'not_closed']);
    expect((await call<{ audit: { contentHash: string } }>('audits.get', { id: origId })).audit.contentHash).toBe(hashBefore);
  });

  await test.step("the follow-up's signed report: pdfsig valid, pages rendered", async () => {
    const { jobId } = await call<{ jobId: string }>('report.export', { auditId: fuId, draft: false });
    let job: { state: string; result?: { path: string } } = { state: 'running' };
    for (let i = 0; i < 240 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      job = await call('jobs.get', { id: jobId });
    }
    expect(job.state).toBe('done');
    const pdf = job.result!.path;
    expect(spawnSync('pdfsig', [pdf], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const f of FOUND) expect(text).toContain(f.action);
    expect(text).toContain('Partially closed');
    expect(text).toContain('Not closed');
    expect(text).toContain('exit-check-log.pdf (sent by the site');
    spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENS, 'cycle-report')]);
    writeFileSync(join(SCREENS, 'cycle-report.txt'), text);
  });

  await test.step('the next audit of the site shows what was found last time at each item', async () => {
    const next = (await call<{ id: string }>('audits.create', { siteId, templateId, type: 'unannounced', startDate: today(), endDate: today() })).id;
    const box = page.locator('li.card--active').getByTestId('previous-result');
    await page.goto(`${laptop.url}#/audit/${next}/item/s1.i2`);
    await expect(box).toContainText('Compliant.');
    await expect(page.locator('li[data-item-id="s1.i1"]')).toContainText('Finding last time');
    await expect(page.locator('li[data-item-id="s1.i3"]')).not.toContainText('Finding last time');
    await page.goto(`${laptop.url}#/audit/${next}/item/s2.i1`);
    await expect(box).toContainText('Non-compliant; finding of severity Major.');
    await expect(box).toContainText(FOUND[1].note);
    await expect(box).toContainText(`In progress: ${FOUND[1].action}`);
    await screen(page, 'cycle-04-walkthrough-last-time');
  });

  let bundleFile = '';
  await test.step('the bundle, made on the Sync screen', async () => {
    await page.goto(`${laptop.url}#/sync`);
    await page.getByRole('button', { name: 'Make bundle' }).click();
    await expect(page.getByText(/^Bundle made: /)).toBeVisible({ timeout: 30_000 });
    const out = await call<Array<{ path: string }>>('outbox.list', {});
    bundleFile = out[0]!.path;
  });

  await test.step('headquarters: the auditor enrolled, the bundle dropped and imported', async () => {
    const code = join(root, 'fairsite-enrolment-AUD-0042.txt');
    writeFileSync(code, (await call<{ code: string }>('profile.enrolmentCode', {})).code);
    await page.goto(hq.url);
    await firstRun(page, 'hq');
    const nav = (link: string) => page.getByRole('navigation', { name: 'Headquarters' }).getByRole('link', { name: link, exact: true }).click();
    await nav('Auditors');
    await dropFiles(page, '[data-testid="enrol-drop"]', [code]);
    const form = page.getByRole('form', { name: 'Enrol an auditor' });
    await expect(form.getByLabel('Auditor ID')).toHaveValue('AUD-0042');
    await form.getByRole('button', { name: 'Enrol', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Enrolled auditors' }).locator(':scope > li')).toHaveCount(1);
    await nav('Inbox');
    await dropFiles(page, '[data-testid="inbox-drop"]', [bundleFile]);
    const result = page.getByTestId('import-result').first();
    await expect(result).toBeVisible({ timeout: 60_000 });
    await expect(result).toHaveAttribute('data-status', 'imported');
  });

  await test.step('headquarters: the follow-up linked to its audit, and each action’s closure', async () => {
    await page.goto(`${hq.url}#/hq/audits/${fuId}`);
    await expect(page.getByTestId('follow-up-of')).toContainText('On-site follow-up of the audit of Cebu IT Park Contact Centre');
    await page.getByTestId('follow-up-of').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`#/hq/audits/${origId}$`));
    await expect(page.getByTestId('follow-ups').getByRole('link')).toHaveCount(1);
    const actions = page.getByRole('table', { name: 'Corrective actions after the audit' });
    const row = (i: number) => actions.locator('tbody tr').filter({ hasText: FOUND[i]!.action });
    await expect(row(0)).toContainText('Closed · verified by Ana Reyes');
    await expect(row(0)).toContainText('2 pieces of evidence');
    await expect(row(0)).toContainText('Sent by the site: exit-check-log.pdf');
    await expect(row(0)).toContainText('Taken on site: exit-cleared.jpg');
    // The evidence files travelled in the bundle: the picture as a thumbnail and full size, the document opened as the site sent it.
    const files = row(0).getByRole('list', { name: `Evidence of closure for ${FOUND[0].action}` });
    const thumb = files.getByTestId('closure-thumb');
    await expect(thumb).toBeVisible();
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await files.getByRole('button', { name: 'View exit-cleared.jpg full size' }).click();
    const full = page.getByTestId('closure-full');
    await expect(full).toBeVisible();
    expect(await full.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([480, 320]);
    await screen(page, 'cycle-05a-hq-closure-photo');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('button', { name: 'Open exit-check-log.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('exit-check-log.pdf');
    expect(readFileSync((await download.path())!, 'utf8')).toBe('%PDF-1.4 daily exit check log, November');
    await expect(row(1)).toContainText('In progress');
    await expect(row(1)).toContainText('(follow-up verification: Partially closed)');
    await expect(row(2)).toContainText('Not closed · verified by Ana Reyes');
    await page.getByRole('heading', { name: 'Follow-up and corrective actions after the audit' }).scrollIntoViewIfNeeded();
    await screen(page, 'cycle-05-hq-audit-closure');
    // The plan as finalized, each action with where it stands now: the one closed since is no longer flagged overdue (all were due on 2026-11-20).
    const plan = page.getByRole('table', { name: '3 corrective actions' }).locator('tbody tr');
    const planRow = (i: number) => plan.filter({ hasText: FOUND[i]!.action });
    await expect(planRow(0).getByTestId('action-now')).toHaveText('Now: Closed');
    await expect(planRow(0)).toHaveAttribute('data-overdue', 'false');
    await expect(planRow(2).getByTestId('action-now')).toHaveText('Now: Not closed');
    await expect(planRow(2)).toHaveAttribute('data-overdue', String(today() > '2026-11-20'));
    await page.getByRole('heading', { name: '3 corrective actions' }).scrollIntoViewIfNeeded();
    await screen(page, 'cycle-05b-hq-audit-plan-now');

    await page.getByRole('navigation', { name: 'Headquarters' }).getByRole('link', { name: 'Findings and actions', exact: true }).click();
    await page.getByRole('checkbox', { name: /^Minor/ }).check();
    const rows = page.getByRole('table', { name: 'Findings and corrective actions' }).locator('tbody tr');
    // Closed after finalize: no longer an open finding nor an overdue action; the others say where they stand.
    await expect(rows.filter({ hasText: `${FOUND[2].itemId} ` }).first()).toContainText('Not closed · verified by Ana Reyes');
    // A finding's row names each of its actions with where it stands now.
    const finding = rows.and(page.locator('[data-kind="finding"]')).filter({ hasText: `${FOUND[2].itemId} ` });
    await expect(finding.getByTestId('finding-actions')).toContainText('0 of 1 action closed');
    await expect(finding.getByRole('list', { name: 'Corrective actions of this finding' }).getByRole('listitem')).toHaveText([new RegExp(`^${FOUND[2].action} — Not closed · verified by Ana Reyes`)]);
    await expect(rows.filter({ hasText: `${FOUND[1].itemId} ` }).first()).toContainText('In progress');
    await expect(rows.filter({ hasText: `${FOUND[0].itemId} ` })).toHaveCount(0);
    await screen(page, 'cycle-06-hq-tracker-closure');
  });
  expect(errors).toEqual([]);
});
