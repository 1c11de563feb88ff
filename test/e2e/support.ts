// Shared helpers of the end-to-end tests: screenshots and accessibility checks.
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCREENS = fileURLToPath(new URL('./output/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

export function baseUrl(): string {
  const url = process.env.FAIRSITE_E2E_URL;
  if (!url) throw new Error('FAIRSITE_E2E_URL is not set: run through test/e2e/playwright.config.ts');
  return url;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS}${name}.png`, fullPage: false });
}

/** axe-core on the page as it is now: no violation of any impact (minor and moderate count too). */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations;
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(report, `accessibility violations on ${screen}`).toEqual([]);
}

/** Screenshot and accessibility check of one screen. */
export async function screen(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await checkA11y(page, name);
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.locator('.save')).toHaveText('Saved', { timeout: 10_000 });
}

export async function api(page: Page, op: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const res = await page.request.post(`${baseUrl()}api/call`.replace(/([^/])api\/call$/, '$1/api/call'), { data: { op, input } });
  return res.json();
}

/** The envelope of one contract call to a harness of a test's own, as the page would send it. */
export async function harnessEnvelope<T = unknown>(url: string, op: string, input: unknown): Promise<{ ok: boolean; value: T; error?: { code: string; message: string } }> {
  const r = await fetch(`${url}api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: url.slice(0, -1) }, body: JSON.stringify({ op, input }) });
  return (await r.json()) as { ok: boolean; value: T; error?: { code: string; message: string } };
}

/** One contract call to a harness of a test's own; a refusal throws with its message. */
export async function harnessCall<T>(url: string, op: string, input: unknown): Promise<T> {
  const env = await harnessEnvelope<T>(url, op, input);
  if (!env.ok) throw new Error(env.error?.message);
  return env.value;
}


/**
 * First run of a fresh installation: the first question is what it is. A
 * test of the auditor's app answers "An auditor's laptop" and then sees the
 * profile form ("Welcome. Who is auditing?"); an HQ test answers "Headquarters".
 */
export async function firstRun(page: Page, role: 'laptop' | 'hq'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome. What is this installation?' })).toBeVisible();
  await page.getByRole('button', { name: role === 'laptop' ? "An auditor's laptop" : 'Headquarters' }).click();
  if (role === 'laptop') await expect(page.getByRole('heading', { name: 'Welcome. Who is auditing?' })).toBeVisible();
  else await expect(page.getByRole('navigation', { name: 'Headquarters' })).toBeVisible();
}
