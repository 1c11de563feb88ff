// The HQ configuration package in Chromium, two installations on the real
// core: headquarters publishes its configuration (upload address and a
// template) from its Settings and the signed file downloads; an auditor's
// laptop drops that file on "Import HQ configuration" in its Settings, with
// the fingerprint HQ showed, and ends with HQ's key, address and template;
// a tampered copy is refused and changes nothing. On the way, revoking an
// auditor at HQ asks in the app's own dialog, which holds the keyboard.
import { test, expect, type Page } from '@playwright/test';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { firstRun, harnessCall, screen } from './support';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';

let root: string;
let hq: Harness;
let laptop: Harness;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fairsite-e2e-hqcfg-'));
  hq = await createHarness({ dataDir: join(root, 'hq-install'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
  laptop = await createHarness({ dataDir: join(root, 'laptop-install'), port: 0, secretBox: passphraseBox('e2e-passphrase') });
});
test.afterAll(async () => {
  await hq?.close();
  await laptop?.close();
  rmSync(root, { recursive: true, force: true });
});

async function dropFile(page: Page, selector: string, path: string): Promise<void> {
  const payload = { name: basename(path), base64: readFileSync(path).toString('base64') };
  const dt = await page.evaluateHandle((f) => {
    const d = new DataTransfer();
    d.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return d;
  }, payload);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: dt });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
}

test('HQ publishes its configuration; a laptop imports it in Settings; a tampered copy is refused', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const builtIn = JSON.parse(readFileSync(join(process.cwd(), 'assets/templates/bpo-ethical-compliance.json'), 'utf8')) as Record<string, unknown>;
  const templateFile = join(root, 'acme-bpo.json');
  writeFileSync(templateFile, JSON.stringify({ ...builtIn, key: 'acme-bpo', version: '1.0.0', name: 'Acme BPO checklist' }));
  let fingerprint = '';
  let packageFile = '';

  await test.step('headquarters: revoke asks in an in-app dialog that holds the keyboard', async () => {
    await page.goto(hq.url);
    await firstRun(page, 'hq');
    const { publicKey } = generateKeyPairSync('ed25519');
    await harnessCall(hq.url, 'hq.enrol', { publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(), auditorId: 'AUD-007', name: 'Lena Ortiz' });
    await page.getByRole('navigation', { name: 'Headquarters' }).getByRole('link', { name: 'Auditors', exact: true }).click();
    let dialogs = 0;
    page.on('dialog', () => { dialogs++; });
    const opener = page.getByRole('button', { name: 'Revoke the key of Lena Ortiz' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the key of Lena Ortiz?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep the key' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Revoke the key' })).toBeFocused();
    // Focus stays inside: Tab from the last button comes back to the first.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Keep the key' })).toBeFocused();
    await screen(page, 'hqcfg-01-revoke-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
    expect(dialogs).toBe(0);
  });

  await test.step('headquarters: publish the configuration from Settings', async () => {
    await page.getByRole('navigation', { name: 'Headquarters' }).getByRole('link', { name: 'Settings', exact: true }).click();
    const form = page.getByRole('form', { name: 'Publish configuration' });
    await form.getByLabel('Organisation name shown to auditors').fill('Acme Compliance');
    await form.getByLabel('Upload address').fill('https://hq.example.org/dav/inbox/');
    await form.getByLabel('Templates to publish (JSON files)').setInputFiles(templateFile);
    await expect(form.getByText('1 template chosen: acme-bpo.json')).toBeVisible();
    const download = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Publish and download' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^hq-config-\d{4}-\d{2}-\d{2}\.fshq$/);
    packageFile = join(root, d.suggestedFilename());
    await d.saveAs(packageFile);
    await expect(page.getByRole('status').filter({ hasText: 'Published' })).toContainText('with 1 template.');
    // The publish made HQ's encryption key; the page shows it without a reload.
    await expect(page.getByTestId('hq-recipient')).toHaveText(/^age1/);
    fingerprint = (await page.getByTestId('config-fingerprint').textContent()) ?? '';
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    await screen(page, 'hqcfg-02-publish');
  });

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const lap = await context.newPage();
  lap.on('pageerror', (e) => errors.push(e.message));
  await test.step('laptop: a tampered copy dropped on Import HQ configuration is refused, nothing changes', async () => {
    await harnessCall(laptop.url, 'install.choose', { role: 'laptop' });
    await harnessCall(laptop.url, 'profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana.reyes@example.org', auditorId: 'AUD-0042' });
    await lap.goto(`${laptop.url}#/settings`);
    await expect(lap.getByRole('heading', { name: 'Import HQ configuration' })).toBeVisible();
    const tampered = join(root, 'tampered.fshq');
    writeFileSync(tampered, readFileSync(packageFile, 'utf8').replace('https://hq.example.org/dav/inbox/', 'https://elsewhere.example.net/inbox/'));
    await dropFile(lap, '[data-testid="hq-config-drop"]', tampered);
    await expect(lap.getByRole('alert')).toContainText('changed after HQ signed it');
    expect(await harnessCall(laptop.url, 'sync.settings', {})).toEqual({ endpoint: null, hqRecipient: null });
    await lap.getByRole('heading', { name: 'Import HQ configuration' }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screen(lap, 'hqcfg-03-import-refused');
  });

  await test.step('laptop: the file HQ published, with its fingerprint, is imported', async () => {
    await lap.getByLabel('Key fingerprint HQ gave you (optional)').fill(fingerprint);
    await dropFile(lap, '[data-testid="hq-config-drop"]', packageFile);
    await expect(lap.getByRole('status').filter({ hasText: 'imported' })).toHaveText('Configuration of Acme Compliance imported.');
    const current = lap.getByTestId('hq-config-current');
    await expect(current).toContainText(fingerprint);
    await expect(current).toContainText('https://hq.example.org/dav/inbox/');
    await expect(current).toContainText('Acme BPO checklist 1.0.0 (installed)');
    await expect(lap.getByRole('alert')).toHaveCount(0);
    const s = await harnessCall<{ endpoint: { url: string }; hqRecipient: string }>(laptop.url, 'sync.settings', {});
    expect(s.endpoint.url).toBe('https://hq.example.org/dav/inbox/');
    expect(s.hqRecipient).toMatch(/^age1/);
    const templates = await harnessCall<Array<{ key: string; version: string }>>(laptop.url, 'templates.list', {});
    expect(templates.some((t) => t.key === 'acme-bpo' && t.version === '1.0.0')).toBe(true);
    await lap.getByRole('heading', { name: 'Import HQ configuration' }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screen(lap, 'hqcfg-04-imported');
  });
  await context.close();
  expect(errors).toEqual([]);
});
