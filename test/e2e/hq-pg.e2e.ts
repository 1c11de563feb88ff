// Headquarters on PostgreSQL in Chromium: a fresh installation chosen as
// headquarters is switched, in HQ settings, to a real PostgreSQL server this
// test starts (an unreachable address first: refused with what to do,
// nothing saved); two auditors are enrolled and their bundles dropped in the
// inbox; the audits list, an audit, the tracker and the dashboard show them,
// read from the replica of the server, and the top bar says how current it
// is. The rows are on the server, checked there. A bundle another process
// imports to the same server appears on the open audits list by itself (the
// replica's timer refresh), the filter applied there kept. An audit is
// handed over to the other auditor from its page, on the server.
import { test, expect, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { firstRun, screen } from './support';
import { makeAuditorFiles, type AuditorFiles } from './hq-support';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { exportBundle } from '../../electron/core/bundle/export';
import { auditPune } from '../integration/hq-read/org';
import { createDatabase, pgUnavailable, startPg, type PgServer } from '../integration/hq-pg/pg-server';

const skip = pgUnavailable();

let root: string;
let files: AuditorFiles;
let h: Harness;
let server: PgServer;
let url: string;

test.beforeAll(async () => {
  if (skip) return;
  test.setTimeout(180_000);
  root = mkdtempSync(join(tmpdir(), 'fairsite-e2e-hqpg-'));
  server = await startPg();
  url = await createDatabase(server, 'hq_e2e');
  files = await makeAuditorFiles(root);
  h = await createHarness({ dataDir: join(root, 'hq-install'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
});
test.afterAll(async () => {
  await h?.close();
  files?.close();
  server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

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

/** Another analyst's importer: its own process and folder, the same server (test/integration/hq-pg/import-child.ts). */
function importElsewhere(file: string): Promise<string> {
  const child = fileURLToPath(new URL('../integration/hq-pg/import-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, mkdtempSync(join(root, 'other-analyst-')), url, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`importer exited ${code}: ${err}`))));
  });
}

async function go(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Headquarters' }).getByRole('link', { name: link, exact: true }).click();
}

test('headquarters on PostgreSQL: settings switched to the server, two auditors\' bundles dropped, audits, an audit, overdue actions and dashboard read from it', async ({ page }) => {
  test.skip(!!skip, `PostgreSQL e2e skipped: ${skip}`);
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const panel = () => page.getByRole('region', { name: 'Database' });

  await test.step('first run as headquarters; the built-in database to begin with', async () => {
    await page.goto(h.url);
    await firstRun(page, 'hq');
    await go(page, 'Settings');
    await expect(page.getByTestId('hq-db-current')).toHaveText('Now: the built-in database in the HQ folder.');
    await expect(page.getByTestId('hq-freshness')).toHaveCount(0);
  });

  await test.step('an address where no server answers: refused with what to do, nothing saved', async () => {
    await panel().getByRole('radio', { name: 'a PostgreSQL server' }).check();
    const dead = new URL(url);
    dead.port = String(server.port + 1);
    await panel().getByLabel('Server address').fill(dead.toString());
    await panel().getByLabel('Password').fill('not-shown-anywhere');
    await panel().getByRole('button', { name: 'Test the connection and save' }).click();
    await expect(panel().getByRole('alert')).toContainText('Check that the server runs');
    await expect(page.getByText('not-shown-anywhere')).toHaveCount(0);
    await expect(page.getByTestId('hq-db-current')).toHaveText('Now: the built-in database in the HQ folder.');
    await screen(page, 'hqpg-01-settings-unreachable');
  });

  await test.step('the test server: connected, saved, the top bar says how current the data is', async () => {
    await panel().getByLabel('Server address').fill(url);
    await panel().getByRole('button', { name: 'Test the connection and save' }).click();
    await expect(panel().getByRole('status')).toContainText('Connected. Headquarters now keeps its records on the PostgreSQL server');
    await expect(page.getByTestId('hq-db-current')).toHaveText(`Now: the PostgreSQL server ${url}.`);
    // The password typed is kept sealed and never comes back.
    await expect(panel().getByLabel('Password')).toHaveValue('');
    await expect(page.getByTestId('hq-freshness')).toContainText(/^Data as of \d{1,2}:\d{2}/);
    await screen(page, 'hqpg-02-settings-postgres');
  });

  await test.step('auditors enrolled by their code files; three bundles of two auditors dropped, imported', async () => {
    await go(page, 'Auditors');
    for (const [i, code] of files.codes.entries()) {
      await dropFiles(page, '[data-testid="enrol-drop"]', [code]);
      const form = page.getByRole('form', { name: 'Enrol an auditor' });
      await expect(form.getByLabel('Auditor ID')).toHaveValue(`AUD-00${i + 1}`);
      await form.getByRole('button', { name: 'Enrol', exact: true }).click();
      await expect(page.getByRole('list', { name: 'Enrolled auditors' }).locator(':scope > li')).toHaveCount(i + 1);
    }
    await go(page, 'Inbox');
    await dropFiles(page, '[data-testid="inbox-drop"]', files.bundles);
    const results = page.getByTestId('import-result');
    await expect(results).toHaveCount(3, { timeout: 60_000 });
    const statuses = await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(['imported', 'imported', 'imported']);
    await expect(page.getByRole('heading', { name: '3 bundles at headquarters' })).toBeVisible();
    await screen(page, 'hqpg-03-inbox');
  });

  await test.step('the rows are on the server', async () => {
    const pool = new pg.Pool({ connectionString: url });
    try {
      expect((await pool.query('SELECT count(*)::int AS n FROM hq_audit WHERE superseded = 0')).rows[0]).toEqual({ n: 5 });
      expect((await pool.query("SELECT count(*)::int AS n FROM bundles WHERE state = 'imported'")).rows[0]).toEqual({ n: 3 });
      expect((await pool.query('SELECT count(*)::int AS n FROM auditors')).rows[0]).toEqual({ n: 2 });
    } finally {
      await pool.end();
    }
  });

  await test.step('audits listed; the one with photos opened', async () => {
    await go(page, 'Audits');
    await expect(page.getByRole('table', { name: 'Audits at headquarters' }).locator('tbody tr')).toHaveCount(5);
    await screen(page, 'hqpg-04-audits');
    await page.goto(`${h.url}#/hq/audits/${files.photoAudit}`);
    await expect(page.getByRole('heading', { name: 'Verification' })).toBeVisible();
    const thumbs = page.getByRole('list', { name: 'Photos' }).getByRole('button');
    await expect(thumbs).toHaveCount(2);
    await expect(thumbs.first().locator('img')).toHaveAttribute('src', /^data:image\//);
    await screen(page, 'hqpg-05-audit');
  });

  await test.step('tracker filtered to overdue actions: Ben\'s is there', async () => {
    await go(page, 'Findings and actions');
    await page.getByRole('checkbox', { name: /^Open findings/ }).uncheck();
    await page.getByRole('checkbox', { name: /^Zero-tolerance alerts/ }).uncheck();
    const rows = page.getByRole('table', { name: 'Findings and corrective actions' }).locator('tbody tr');
    await expect(rows.filter({ hasText: 'Unchain the exit' })).toHaveCount(1);
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))).toEqual(new Set(['overdue_action']));
    await screen(page, 'hqpg-06-tracker');
  });

  await test.step('Asha\'s audit handed over to Ben from its page: asked first; the page and the server then say Ben', async () => {
    await page.goto(`${h.url}#/hq/audits/${files.rev1}`);
    await page.getByRole('button', { name: 'Hand over to…' }).click();
    const form = page.getByRole('form', { name: 'Hand this audit over' });
    // Only Ben can receive it: Asha owns it.
    await expect(form.getByLabel('Receiving auditor').locator('option')).toHaveText(['Choose an auditor', /^Ben Okafor \(AUD-002\), key /]);
    await form.getByLabel('Receiving auditor').selectOption({ index: 1 });
    await form.getByLabel('Reason').fill('Asha moved to the Manila team');
    await form.getByRole('button', { name: 'Hand over…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Hand the audit of .* over to Ben Okafor\?$/ });
    await expect(dialog).toContainText('Reason: Asha moved to the Manila team');
    await screen(page, 'hqpg-065-handover-confirm');
    await dialog.getByRole('button', { name: 'Hand over', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The audit now belongs to Ben Okafor (AUD-002).' })).toBeVisible();
    await expect(page.getByText('Ben Okafor (AUD-002)', { exact: true })).toBeVisible();
    await screen(page, 'hqpg-066-handed-over');
    const pool = new pg.Pool({ connectionString: url });
    try {
      const owners = await pool.query('SELECT o.audit_id, a.auditor_id FROM audit_owners o JOIN auditors a ON a.fingerprint = o.fingerprint WHERE o.audit_id = ANY($1) ORDER BY 1', [[files.rev1, files.rev2]]);
      expect(owners.rows).toEqual([files.rev1, files.rev2].sort().map((id) => ({ audit_id: id, auditor_id: 'AUD-002' })));
      expect((await pool.query('SELECT reason FROM handovers')).rows).toEqual([{ reason: 'Asha moved to the Manila team' }, { reason: 'Asha moved to the Manila team' }]);
    } finally {
      await pool.end();
    }
  });

  await test.step('handed back to Asha: the audit page lists both hand-overs under the owner, newest first', async () => {
    await page.getByRole('button', { name: 'Hand over to…' }).click();
    const form = page.getByRole('form', { name: 'Hand this audit over' });
    await form.getByLabel('Receiving auditor').selectOption({ index: 1 });
    // A reason with a long unbroken link wraps inside the page instead of widening it.
    await form.getByLabel('Reason').fill(`The Manila team was merged back https://intranet.example.org/${'x'.repeat(300)}`);
    await form.getByRole('button', { name: 'Hand over…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hand over', exact: true }).click();
    const list = page.getByRole('list', { name: 'Hand-overs of this audit, newest first' }).getByRole('listitem');
    await expect(list).toHaveText([
      /^Handed over from Ben Okafor \(AUD-002\) to Asha Rao \(AUD-001\) on .+: The Manila team was merged back/,
      /^Handed over from Asha Rao \(AUD-001\) to Ben Okafor \(AUD-002\) on .+: Asha moved to the Manila team$/,
    ]);
    expect(await list.first().evaluate((li) => li.getBoundingClientRect().right <= li.parentElement!.getBoundingClientRect().right)).toBe(true);
    await screen(page, 'hqpg-067-handover-history');
    // The Auditors page: Ben received the audit and gave it back.
    await go(page, 'Auditors');
    const ben = page.getByRole('list', { name: 'Hand-overs to and from Ben Okafor, newest first' });
    await expect(ben.getByRole('listitem')).toHaveText([
      /· handed over to Asha Rao \(AUD-001\) on .+: The Manila team was merged back/,
      /· received from Asha Rao \(AUD-001\) on .+: Asha moved to the Manila team$/,
    ]);
    // The whole auditor card in view, below the sticky header.
    await ben.evaluate((el) => el.closest('li')?.scrollIntoView({ block: 'center' }));
    expect(await ben.getByRole('listitem').first().evaluate((li) => li.getBoundingClientRect().right <= li.parentElement!.getBoundingClientRect().right)).toBe(true);
    await screen(page, 'hqpg-068-auditors-handovers');
  });

  await test.step('a bundle imported by another process appears on the open audits list, the filter kept', async () => {
    await go(page, 'Audits');
    await page.getByLabel('Search').fill('Pune');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('table', { name: 'Audits at headquarters' });
    const before = await table.locator('tbody tr').count();
    expect(before).toBeGreaterThan(0);
    // Ben audits a second Pune site; another analyst imports his bundle to the same server.
    const ben = files.laptops[1]!.core;
    const rev = auditPune(ben);
    const out = join(root, 'ben-2.fsb');
    await exportBundle(ben, { out, recipient: null });
    expect(await importElsewhere(out)).toContain('"status":"imported"');
    // No navigation, no click: the replica's timer and the strip's poll (15 s each) bring it.
    await expect(table.locator(`a[href$="${rev}"]`)).toHaveCount(1, { timeout: 45_000 });
    await expect(page.getByLabel('Search')).toHaveValue('Pune');
    await screen(page, 'hqpg-075-audits-new-data');
  });

  await test.step('dashboard', async () => {
    await go(page, 'Dashboard');
    await expect(page.getByRole('img', { name: /^Overdue corrective actions by site/ })).toBeVisible();
    await expect(page.getByTestId('hq-freshness')).toContainText(/^Data as of/);
    await screen(page, 'hqpg-07-dashboard');
  });

  await test.step('the server stopped: the screens keep the last copy and say what to do', async () => {
    server.stop();
    await page.getByTestId('hq-freshness').getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByTestId('hq-freshness')).toContainText(/^Showing the data as of .*: the server could not be read\./);
    await expect(page.getByRole('img', { name: /^Overdue corrective actions by site/ })).toBeVisible();
    await screen(page, 'hqpg-08-server-down');
    await go(page, 'Auditors');
    await expect(page.getByRole('list', { name: 'Enrolled auditors' }).locator(':scope > li')).toHaveCount(2);
    await go(page, 'Settings');
    await expect(page.getByTestId('hq-db-current')).toHaveText(`Now: the PostgreSQL server ${url}.`);
    await screen(page, 'hqpg-09-settings-server-down');
  });
  expect(errors).toEqual([]);
});
