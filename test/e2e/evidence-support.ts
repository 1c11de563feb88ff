// Evidence end-to-end tests run on a harness of their own (a fresh data
// folder with a profile, a site and an audit), so they depend on no other
// test's state.
import { harnessCall } from './support';
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { fixtureJson } from '../integration/core/helpers/template-fixture';

export const photo = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/photos/${name}`, import.meta.url)));

export interface EvidenceHarness {
  url: string;
  auditId: string;
  call<T>(op: string, input: unknown): Promise<T>;
}

/** Registers beforeAll/afterAll for a harness with one audit; fields are set once beforeAll has run. */
export function useEvidenceHarness(): EvidenceHarness {
  let h: Harness;
  let dir: string;
  const ctx: EvidenceHarness = {
    url: '',
    auditId: '',
    call: <T>(op: string, input: unknown) => harnessCall<T>(h.url, op, input),
  };
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fairsite-e2e-evidence-'));
    h = await createHarness({ dataDir: dir, port: 0, secretBox: passphraseBox('e2e-passphrase') });
    ctx.url = h.url;
    await ctx.call('profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana@example.org', auditorId: 'AUD-0042' });
    const t = await ctx.call<{ id: string }>('templates.import', { json: fixtureJson({ key: 'e2e-evidence' }) });
    const site = await ctx.call<{ id: string }>('sites.create', { name: 'Cebu IT Park Centre', clients: ['Acme'], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 } });
    ctx.auditId = (await ctx.call<{ id: string }>('audits.create', { siteId: site.id, templateId: t.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' })).id;
  });
  test.afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return ctx;
}

export const tiles = (page: Page) => page.locator('.ev-tile');

/** n thumbnails shown, each one loaded from the core. */
export async function thumbsLoaded(page: Page, n: number): Promise<void> {
  await expect(tiles(page)).toHaveCount(n);
  await expect.poll(() => page.locator('.ev-tile img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length)).toBe(n);
}
