// A harness of its own for the day-on-site tests: a fresh data folder with a
// profile, a site and an audit on a small checklist whose item 2.2 asks for a
// photo when non-compliant.
import { harnessCall } from './support';
import { test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { fixtureTemplate } from '../integration/core/helpers/template-fixture';

export interface SiteHarness {
  url: string;
  auditId: string;
  call<T>(op: string, input: unknown): Promise<T>;
  /** A second audit on the same site and checklist. */
  newAudit(): Promise<string>;
}

function checklist(): string {
  const t = fixtureTemplate({ key: 'e2e-day-on-site' });
  const s2 = t.sections[1]!;
  s2.title = 'Labour practices';
  s2.items[1] = { ...s2.items[1]!, prompt: 'Identity documents', rules: { requireEvidenceOn: ['non_compliant'] } } as typeof s2.items[number];
  return JSON.stringify(t);
}

export function useSiteHarness(): SiteHarness {
  let h: Harness;
  let dir: string;
  let site = '';
  let template = '';
  const ctx: SiteHarness = {
    url: '',
    auditId: '',
    call: <T>(op: string, input: unknown) => harnessCall<T>(h.url, op, input),
    async newAudit() {
      return (await ctx.call<{ id: string }>('audits.create', { siteId: site, templateId: template, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' })).id;
    },
  };
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fairsite-e2e-ui-'));
    h = await createHarness({ dataDir: dir, port: 0, secretBox: passphraseBox('e2e-passphrase') });
    ctx.url = h.url;
    await ctx.call('profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana@example.org', auditorId: 'AUD-0042' });
    template = (await ctx.call<{ id: string }>('templates.import', { json: checklist() })).id;
    site = (await ctx.call<{ id: string }>('sites.create', { name: 'Manila North Contact Centre', clients: ['Acme'], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 } })).id;
    ctx.auditId = await ctx.newAudit();
  });
  test.afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return ctx;
}
