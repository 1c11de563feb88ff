// The audit cycle in Chromium against the real core, on the demo (whose
// finalized audit already had one follow-up): a finalized audit's
// action gets the site's evidence (a desk review of a file sent by email)
// and moves on without touching the audit; an on-site follow-up verifies
// one finding closed, one partially closed and the rest not closed, raises a
// new finding, is finalized with the new grade beside the old, and its
// signed report passes pdfsig.
import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { harnessCall, screen, SCREENS } from './support';

let h: Harness;
let dir: string;
let origId = '';
const call = <T>(op: string, input: unknown): Promise<T> => harnessCall<T>(h.url, op, input);

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fairsite-e2e-followup-'));
  h = await createHarness({ dataDir: dir, port: 0, secretBox: passphraseBox('e2e-passphrase') });
  await call('demo.create', {});
  const list = await call<Array<{ id: string; status: string; kind: string }>>('audits.list', {});
  origId = list.find((a) => a.status === 'finalized' && a.kind === 'full')!.id;
});
test.afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const tracker = (page: Page, status: string) => page.locator('.tracker').filter({ has: page.locator('.tracker__now', { hasText: status }) }).first();

test('corrective actions after finalize, then a follow-up with its own signed report', async ({ page }) => {
  const before = await call<{ audit: { contentHash: string } }>('audits.get', { id: origId });

  await test.step('the site sends evidence by email: a desk review of it, then the action is submitted', async () => {
    await page.goto(`${h.url}#/audit/${origId}/findings`);
    // The demo's own follow-up found this action not closed; the site tries again.
    const open = tracker(page, 'Not closed since');
    await expect(open).toBeVisible();
    await open.getByText('Add closure evidence').click();
    await open.getByLabel('File').setInputFiles({ name: 'exit-clearance-log.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 clearance log') });
    await open.getByLabel('Where it comes from').selectOption('site_sent');
    await open.getByLabel('Description').fill('Emailed by the HR manager');
    await open.getByRole('button', { name: 'Add the file' }).click();
    const withFile = page.locator('.tracker').filter({ hasText: 'exit-clearance-log.pdf' });
    await expect(withFile).toContainText('sent by the site');
    await withFile.getByLabel('Next status').selectOption('submitted');
    await withFile.getByLabel('Note').fill('Site says the exits are clear');
    await withFile.getByRole('button', { name: 'Record status' }).click();
    await expect(withFile.locator('.tracker__now')).toContainText('Submitted for verification since');
    await withFile.scrollIntoViewIfNeeded();
    await screen(page, 'followup-01-action-tracker-desk-review');
    const after = await call<{ audit: { contentHash: string } }>('audits.get', { id: origId });
    expect(after.audit.contentHash).toBe(before.audit.contentHash);
  });

  let fuId = '';
  await test.step('start an on-site follow-up from the finalized audit', async () => {
    await page.goto(`${h.url}#/audit/${origId}/summary`);
    await page.getByLabel('On-site visit').check();
    await page.getByRole('button', { name: 'Start follow-up' }).click();
    await expect(page).toHaveURL(/#\/audit\/[^/]+\/findings$/);
    fuId = decodeURIComponent(page.url().split('#/audit/')[1]!.split('/')[0]!);
    expect(fuId).not.toBe(origId);
    await expect(page.getByRole('heading', { name: /Follow-up of the audit of/ })).toBeVisible();
    await screen(page, 'followup-02-follow-up-started');
  });

  await test.step('verify one closed, one partially closed, the rest not closed; raise a new finding', async () => {
    const items = page.locator('li.fu-item');
    const n = await items.count();
    expect(n).toBeGreaterThanOrEqual(3);
    const verify = async (i: number, verdict: string, evidence: string, note: string) => {
      const it = items.nth(i);
      await it.getByLabel('Verification').selectOption(verdict);
      if (evidence) await it.getByLabel('Evidence seen').fill(evidence);
      if (note) await it.getByLabel('Notes').fill(note);
      await it.getByRole('button', { name: 'Save verification' }).click();
      await expect(it.getByRole('status')).toHaveText('Saved.');
    };
    await verify(0, 'closed', 'Photos of the exits, clear; the log the site sent', '');
    await verify(1, 'partially_closed', '', 'Policy posted, training not yet held');
    for (let i = 2; i < n; i++) await verify(i, 'not_closed', '', 'No change seen');
    const orig = await call<{ responses: Array<{ itemId: string; value: { kind: string; answer?: string } | null }> }>('audits.get', { id: origId });
    const tpl = await call<{ template: { sections: Array<{ items: Array<{ id: string; kind: string; zeroTolerance?: boolean; rules: { requireEvidenceOn: string[] } }> }> } }>('templates.get', { id: (await call<{ audit: { templateId: string } }>('audits.get', { id: fuId })).audit.templateId });
    const items2 = tpl.template.sections.flatMap((s) => s.items);
    const pick = orig.responses.find((r) => r.value?.kind === 'compliance' && r.value.answer === 'compliant' && (() => {
      const it = items2.find((x) => x.id === r.itemId)!;
      return !it.zeroTolerance && !it.rules.requireEvidenceOn.includes('non_compliant');
    })())!;
    await call('responses.save', { auditId: fuId, itemId: pick.itemId, value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Found on the follow-up visit', severity: 'minor' });
    await page.reload();
    await expect(page.getByText('Every finding is verified.')).toBeVisible();
    await screen(page, 'followup-03-verified');
  });

  await test.step('finalize the follow-up: the new grade beside the old', async () => {
    await page.goto(`${h.url}#/audit/${fuId}/summary`);
    await page.getByRole('button', { name: 'Finalize follow-up' }).click();
    await expect(page.locator('.badge--finalized')).toBeVisible();
    await expect(page.getByText('Grade after')).toBeVisible();
    await screen(page, 'followup-04-summary-finalized');
    const tracks = await call<Array<{ status: string }>>('followup.actions', { auditId: origId });
    expect(tracks.some((x) => x.status === 'closed')).toBe(true);
    expect(tracks.some((x) => x.status === 'not_closed')).toBe(true);
  });

  await test.step('the audit in progress at the same site shows the last audit, item by item', async () => {
    const list = await call<Array<{ id: string; status: string }>>('audits.list', {});
    const open = list.find((a) => a.status !== 'finalized')!;
    await page.goto(`${h.url}#/audit/${open.id}/findings`);
    await expect(page.getByRole('heading', { name: /Last audit of this site/ })).toBeVisible();
    await expect(page.locator('.last-audit')).toContainText('Not closed');
    await page.locator('.last-audit').scrollIntoViewIfNeeded();
    await screen(page, 'followup-05-last-audit-in-view');
  });

  await test.step("export the follow-up's signed report", async () => {
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
    expect(text).toContain('Partially closed');
    expect(text).toContain('exit-clearance-log.pdf (sent by the site');
    expect(text).toMatch(/New grade [A-E] \(was [A-E]\)/);
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '5', pdf, join(SCREENS, 'followup-report')]);
    writeFileSync(join(SCREENS, 'followup-report.txt'), text);
  });
});
