// Sites, the audit list and its filters, notes and actions, through the handlers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { SITE_INPUT, seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
beforeEach(async () => { t = await testCore(); });
afterEach(() => t.cleanup());

describe('sites and audits', () => {
  it('creates and updates a site, recording both', async () => {
    const site = await t.call('sites.create', SITE_INPUT);
    expect(site).toMatchObject({ name: 'Test Site', headcount: null, shifts: '', address: '' });
    const updated = await t.call('sites.update', { id: site.id, site: { ...SITE_INPUT, name: 'Renamed', headcount: 300 } });
    expect(updated).toMatchObject({ id: site.id, name: 'Renamed', headcount: 300, createdAt: site.createdAt });
    expect(await t.call('sites.list', {})).toEqual([updated]);
    const events = t.core.db.prepare("SELECT action FROM events WHERE entity = 'site' ORDER BY seq").all();
    expect(events).toEqual([{ action: 'create' }, { action: 'update' }]);
    await expect(t.call('sites.update', { id: '01900000-0000-7000-8000-000000000000', site: SITE_INPUT })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists audits with counts and filters', async () => {
    const { audit, site, template } = await seedAudit(t);
    const other = await t.call('sites.create', { ...SITE_INPUT, name: 'Mactan Back Office', clients: ['Client B'] });
    await t.call('audits.create', { siteId: other.id, templateId: template.id, type: 'unannounced', startDate: '2026-03-01', endDate: '2026-03-01' });
    await t.call('responses.save', { auditId: audit.id, itemId: 's1.i1', value: { kind: 'compliance', answer: 'non_compliant' }, note: 'x', severity: 'minor' });
    await t.call('responses.save', { auditId: audit.id, itemId: 's1.i2', value: null });

    const all = await t.call('audits.list', {});
    expect(all.map((a) => a.siteName)).toEqual(['Test Site', 'Mactan Back Office']); // newest first
    expect(all[0]).toMatchObject({ answered: 1, total: 12, findings: 1, sent: false, clients: ['Client A'], templateName: 'Fixture fixture' });
    expect(all[0]!.updatedAt >= all[0]!.createdAt).toBe(true);
    expect((await t.call('audits.list', { siteId: site.id })).map((a) => a.id)).toEqual([audit.id]);
    expect((await t.call('audits.list', { client: 'Client B' })).map((a) => a.siteName)).toEqual(['Mactan Back Office']);
    expect((await t.call('audits.list', { text: 'mactan' })).length).toBe(1);
    expect((await t.call('audits.list', { text: '100%_' })).length).toBe(0);
    expect((await t.call('audits.list', { from: '2026-10-01' })).map((a) => a.id)).toEqual([audit.id]);
    expect((await t.call('audits.list', { to: '2026-04-01' })).map((a) => a.siteName)).toEqual(['Mactan Back Office']);
  });

  it('saves notes and actions, and refuses what does not belong', async () => {
    const { audit } = await seedAudit(t);
    const note = await t.call('notes.save', { auditId: audit.id, scope: 'section', ref: 's1', body: 'Floor walk at 22:00' });
    const edited = await t.call('notes.save', { id: note.id, auditId: audit.id, scope: 'section', ref: 's1', body: 'Floor walk at 22:30' });
    expect(edited).toMatchObject({ id: note.id, body: 'Floor walk at 22:30', createdAt: note.createdAt });
    const { finding } = await t.call('responses.save', { auditId: audit.id, itemId: 's2.i1', value: { kind: 'compliance', answer: 'non_compliant' }, note: 'n', severity: 'major' });
    const action = await t.call('actions.save', { findingId: finding!.id, action: 'Fix it', owner: 'Site manager', dueDate: '2026-12-31' });
    expect(action).toMatchObject({ status: 'open', verification: '', auditId: audit.id });
    const missing = '01900000-0000-7000-8000-000000000000';
    await expect(t.call('actions.save', { findingId: missing, action: 'x', owner: 'y', dueDate: '2026-12-31' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.call('notes.save', { id: missing, auditId: audit.id, scope: 'audit', body: 'x' })).rejects.toBeInstanceOf(AppError);
    expect(await t.call('actions.delete', { id: action.id })).toEqual({ deleted: true });
    expect(await t.call('actions.delete', { id: action.id })).toEqual({ deleted: false });
    expect((await t.call('audits.verifyChain', { id: audit.id })).ok).toBe(true);
  });

  it('reports where data lives', async () => {
    const info = await t.call('app.info', {});
    expect(info).toMatchObject({ dataDir: t.core.dataDir, databasePath: t.core.paths.database, schemaVersion: t.core.schemaVersion });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
