// Sites with legal profiles through the contract: the bundled country
// profiles, codes from the lists, the profile in the audit's bundle document,
// older bundles' sites read into a profile, and the wage finding following
// the hours sample (the overtime cross-check) on the save path.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectAuditDoc } from '../../../electron/core/bundle/collect';
import { AuditDoc } from '../../../electron/core/bundle/content';
import { LegalProfile } from '../../../shared/domain/legal-profile';
import { Site } from '../../../shared/domain/site';
import { SITE_INPUT, testCore, type TestCore } from './helpers/core-fixture';
import { fixtureJson } from './helpers/template-fixture';

let t: TestCore;
beforeEach(async () => { t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') }); });
afterEach(() => t.cleanup());

describe('site legal profiles', () => {
  it('offers the bundled Philippines and India profiles, each with sources and no guessed minimum wage', async () => {
    const profiles = await t.call('sites.legalProfiles', {});
    expect(profiles.map((p) => p.country)).toEqual(['IN', 'PH']);
    for (const p of profiles) {
      expect(p.profile.minWage).toBeNull();
      expect(p.profile.notes).toMatch(/enter the current daily rate/);
      expect(p.profile.sources.length).toBeGreaterThan(2);
      for (const s of p.profile.sources) expect(s.url).toMatch(/^https?:\/\//);
    }
    expect(profiles.find((p) => p.country === 'PH')?.profile).toMatchObject({ wagePeriod: 'day', overtimeRate: 1.25, nightRate: 1.1, restDayRate: 1.3, holidayRate: 2, regularHoursPerDay: 8, restDaysPerWeek: 1 });
    expect(profiles.find((p) => p.country === 'IN')?.profile).toMatchObject({ wagePeriod: 'day', overtimeRate: 2, regularHoursPerDay: 8, nightRate: null });
  });

  it('stores and edits every value of the profile', async () => {
    const ph = (await t.call('sites.legalProfiles', {})).find((p) => p.country === 'PH')!;
    const site = await t.call('sites.create', { ...SITE_INPUT, legal: { ...ph.profile, minWage: 695 } });
    expect(site.legal).toEqual({ ...ph.profile, minWage: 695 });
    const edited = await t.call('sites.update', { id: site.id, site: { ...SITE_INPUT, legal: { ...site.legal, maxHoursPerDay: 12, twoDaysOffIn14: true } } });
    expect((await t.call('sites.list', {})).find((s) => s.id === site.id)?.legal).toEqual(edited.legal);
    expect(edited.legal).toMatchObject({ minWage: 695, maxHoursPerDay: 12, twoDaysOffIn14: true });
  });

  it('takes country and currency only from the ISO lists, and leaves the store as it was', async () => {
    await expect(t.call('sites.create', { ...SITE_INPUT, country: 'XX' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(t.call('sites.create', { ...SITE_INPUT, currency: 'PES' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await t.call('sites.list', {})).toEqual([]);
  });

  it('puts the profile in the bundle document and reads an older bundle\'s site into one', async () => {
    const template = await t.call('templates.import', { json: fixtureJson() });
    const site = await t.call('sites.create', { ...SITE_INPUT, legal: { wagePeriod: 'day', minWage: 695, overtimeRate: 1.25 } });
    const audit = await t.call('audits.create', { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' });
    const doc = collectAuditDoc(t.core, audit.id, null)!;
    expect(AuditDoc.parse(JSON.parse(JSON.stringify(doc))).site.legal).toEqual(site.legal);
    const { legal: _legal, ...rest } = site;
    const old = Site.parse({ ...rest, minWage: 67.5, minWagePeriod: 'hour', overtimeRate: 1.5 });
    expect(old.legal).toEqual(LegalProfile.parse({ wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.5 }));
  });
});

describe('the overtime cross-check on the save path', () => {
  it('raises the wage finding when the hours sample shows unpaid overtime, and clears it when paid', async () => {
    const template = await t.call('templates.import', { json: fixtureJson({ mixedKinds: true }) });
    const site = await t.call('sites.create', { ...SITE_INPUT, legal: { wagePeriod: 'hour', minWage: 60, overtimeRate: 1.25 } });
    const audit = await t.call('audits.create', { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' });
    const wage = (overtimeHours: number, overtimePay: number) => ({ kind: 'wage' as const, rows: [{ worker: 'Ana', period: 'hour' as const, basePay: 80, regularHours: 160, overtimeHours, overtimePay }] });
    const saved = await t.call('responses.save', { auditId: audit.id, itemId: 's1.i1', value: wage(0, 0) });
    expect(saved.finding).toBeNull();
    await t.call('responses.save', { auditId: audit.id, itemId: 's1.i2', value: { kind: 'hours', rows: [{ worker: 'ana', weekStart: '', contracted: 40, overtime: 6, daysWorked: 5, voluntary: true }] } });
    const after = await t.call('findings.list', { auditId: audit.id });
    expect(after.find((f) => f.itemId === 's1.i1')?.summary).toMatch(/Ana: 6 h overtime in the hours sample, but no overtime paid in the wage sample/);
    await t.call('responses.save', { auditId: audit.id, itemId: 's1.i1', value: wage(6, 600) });
    expect((await t.call('findings.list', { auditId: audit.id })).find((f) => f.itemId === 's1.i1')).toBeUndefined();
  });

  it('refuses a 200-hour week at the contract and keeps the stored answer', async () => {
    const template = await t.call('templates.import', { json: fixtureJson({ mixedKinds: true }) });
    const site = await t.call('sites.create', SITE_INPUT);
    const audit = await t.call('audits.create', { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' });
    const row = { worker: 'A', weekStart: '', contracted: 40, overtime: 0, daysWorked: 5, voluntary: null };
    await t.call('responses.save', { auditId: audit.id, itemId: 's1.i2', value: { kind: 'hours', rows: [row] } });
    await expect(t.call('responses.save', { auditId: audit.id, itemId: 's1.i2', value: { kind: 'hours', rows: [{ ...row, contracted: 100, overtime: 100 }] } }))
      .rejects.toMatchObject({ code: 'invalid_input' });
    const d = await t.call('audits.get', { id: audit.id });
    expect(d.responses.find((r) => r.itemId === 's1.i2')?.value).toEqual({ kind: 'hours', rows: [row] });
  });
});
