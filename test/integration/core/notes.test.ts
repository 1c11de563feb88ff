// Notes are written, edited and deleted until the audit is finalized, each
// change an event in the audit's hash chain (a deleted note stays readable
// there), and refused with "locked" afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection, seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
let auditId: string;
beforeEach(async () => {
  t = await testCore();
  auditId = (await seedAudit(t, { sections: 1, itemsPerSection: 1 })).audit.id;
});
afterEach(() => t.cleanup());

const noteEvents = (id: string) => (t.core.db.prepare("SELECT action, old, new FROM events WHERE audit_id = ? AND entity = 'note' ORDER BY seq").all(id) as Array<{ action: string; old: string | null; new: string | null }>);

describe('notes', () => {
  it('are created, edited and deleted as events of the chain', async () => {
    const n = await t.call('notes.save', { auditId, scope: 'audit', body: 'Opening meeting at 08:00' });
    await t.call('notes.save', { id: n.id, auditId, scope: 'audit', body: 'Opening meeting at 08:30' });
    expect(await t.call('notes.delete', { id: n.id })).toEqual({ deleted: true });
    expect((await t.call('audits.get', { id: auditId })).notes).toEqual([]);
    const ev = noteEvents(auditId);
    expect(ev.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(ev[2]!.old!)).toMatchObject({ id: n.id, body: 'Opening meeting at 08:30' });
    expect(ev[2]!.new).toBeNull();
    expect(await t.call('audits.verifyChain', { id: auditId })).toMatchObject({ ok: true, brokenAt: null });
  });

  it('a second delete of the same note changes nothing', async () => {
    const n = await t.call('notes.save', { auditId, scope: 'audit', body: 'x' });
    await t.call('notes.delete', { id: n.id });
    expect(await t.call('notes.delete', { id: n.id })).toEqual({ deleted: false });
    expect(noteEvents(auditId).map((e) => e.action)).toEqual(['create', 'delete']);
  });

  it('cannot be deleted once the audit is finalized', async () => {
    await t.call('responses.save', { auditId, itemId: 's1.i1', value: { kind: 'compliance', answer: 'compliant' } });
    const n = await t.call('notes.save', { auditId, scope: 'audit', body: 'Kept' });
    await t.call('audits.finalize', { id: auditId });
    const e = await rejection(t.call('notes.delete', { id: n.id }));
    expect(e.code).toBe('locked');
    expect((await t.call('audits.get', { id: auditId })).notes.map((x) => x.body)).toEqual(['Kept']);
  });
});
