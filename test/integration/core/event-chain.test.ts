// Every change is an event in the same transaction; the hash chain shows
// where history was rewritten, removed or reordered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventHash, verifyChain } from '../../../electron/core/store/events';
import { seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
let auditId: string;
beforeEach(async () => {
  t = await testCore();
  auditId = (await seedAudit(t)).audit.id;
  for (let i = 1; i <= 4; i++) {
    await t.call('responses.save', { auditId, itemId: `s1.i${i}`, value: { kind: 'compliance', answer: 'compliant' }, note: `answer ${i}` });
  }
});
afterEach(() => t.cleanup());

// Tampering needs the append-only triggers out of the way, as an attacker with the file would do.
function tamper(sql: string, ...params: unknown[]) {
  const db = t.core.db;
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
  db.prepare(sql).run(...params);
}

describe('event chain', () => {
  it('records who, when, what, old and new for each change', async () => {
    await t.call('responses.save', { auditId, itemId: 's1.i1', value: { kind: 'compliance', answer: 'not_applicable' }, note: 'changed' });
    const ev = t.core.db.prepare("SELECT * FROM events WHERE audit_id = ? AND entity = 'response' ORDER BY seq DESC LIMIT 1").get(auditId) as Record<string, string>;
    expect(ev.action).toBe('update');
    expect(ev.actor).toBe('unknown');
    expect(JSON.parse(ev.old!)).toMatchObject({ itemId: 's1.i1', note: 'answer 1', value: { answer: 'compliant' } });
    expect(JSON.parse(ev.new!)).toMatchObject({ itemId: 's1.i1', note: 'changed', value: { answer: 'not_applicable' } });
    expect(ev.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The answer's id, audit, author and time (one clock reading) are the event's own columns, not repeated inside old and new.
    const saved = (await t.call('audits.get', { id: auditId })).responses.find((r) => r.itemId === 's1.i1')!;
    expect(ev).toMatchObject({ entity_id: saved.id, audit_id: auditId, actor: saved.updatedBy, at: saved.updatedAt });
    expect(Object.keys(JSON.parse(ev.new!))).toEqual(['itemId', 'value', 'note', 'severity', 'zeroTolerance']);
  });

  it('records notes with quotes, line breaks, backslashes and any script as written', async () => {
    const note = 'Manager said "no overtime"\nC:\\logs\t— กะดึก ✓ \u0001';
    await t.call('responses.save', { auditId, itemId: 's1.i3', value: { kind: 'compliance', answer: 'non_compliant' }, note, severity: 'major', zeroTolerance: true });
    const ev = t.core.db.prepare("SELECT old, new FROM events WHERE audit_id = ? AND entity = 'response' ORDER BY seq DESC LIMIT 1").get(auditId) as { old: string; new: string };
    expect(JSON.parse(ev.new)).toEqual({ itemId: 's1.i3', value: { kind: 'compliance', answer: 'non_compliant' }, note, severity: 'major', zeroTolerance: true });
    expect(JSON.parse(ev.old)).toEqual({ itemId: 's1.i3', value: { kind: 'compliance', answer: 'compliant' }, note: 'answer 3', severity: null, zeroTolerance: false });
    expect(verifyChain(t.core.db, auditId).ok).toBe(true);
  });

  it('writes no event for an answer saved again unchanged, and returns it as stored', async () => {
    const count = () => t.core.db.prepare('SELECT count(*) FROM events WHERE audit_id = ?').pluck().get(auditId) as number;
    const before = count();
    const stored = (await t.call('audits.get', { id: auditId })).responses.find((r) => r.itemId === 's1.i2')!;
    const again = await t.call('responses.save', { auditId, itemId: 's1.i2', value: { kind: 'compliance', answer: 'compliant' }, note: 'answer 2' });
    expect(again).toEqual({ response: stored, finding: null });
    expect(count()).toBe(before);
    // A zero-tolerance flag on a compliant answer is dropped (it belongs to a finding): still unchanged.
    await t.call('responses.save', { auditId, itemId: 's1.i2', value: { kind: 'compliance', answer: 'compliant' }, note: 'answer 2', zeroTolerance: true });
    expect(count()).toBe(before);
    await t.call('responses.save', { auditId, itemId: 's1.i2', value: { kind: 'compliance', answer: 'compliant' }, note: 'answer 2', severity: 'minor' });
    expect(count()).toBe(before + 1);
  });

  it('verifies an untouched chain', async () => {
    const r = await t.call('audits.verifyChain', { id: auditId });
    expect(r).toEqual({ ok: true, events: 6, brokenAt: null, reason: null }); // create, 4 answers, status
    expect(verifyChain(t.core.db, null).ok).toBe(true); // template and site events
  });

  it('names the event whose content was edited', async () => {
    tamper("UPDATE events SET new = replace(new, 'answer 3', 'answer three') WHERE audit_id = ? AND new LIKE '%answer 3%'", auditId);
    const seq = (t.core.db.prepare("SELECT seq FROM events WHERE audit_id = ? AND new LIKE '%answer three%'").get(auditId) as { seq: number }).seq;
    const r = await t.call('audits.verifyChain', { id: auditId });
    expect(r).toMatchObject({ ok: false, brokenAt: seq });
    expect(r.reason).toMatch(new RegExp(`event ${seq} was changed`));
  });

  it('catches an edit whose hash was recomputed, at the next event', async () => {
    const db = t.core.db;
    const row = db.prepare('SELECT * FROM events WHERE audit_id = ? AND seq = 2').get(auditId) as Parameters<typeof eventHash>[0];
    const forged = { ...row, actor: 'someone else' };
    tamper('UPDATE events SET actor = ?, hash = ? WHERE audit_id = ? AND seq = 2', forged.actor, eventHash(forged), auditId);
    const r = await t.call('audits.verifyChain', { id: auditId });
    expect(r).toMatchObject({ ok: false, brokenAt: 3 });
    expect(r.reason).toMatch(/does not follow event 2/);
  });

  it('catches a removed event', async () => {
    tamper('DELETE FROM events WHERE audit_id = ? AND seq = 4', auditId);
    const r = await t.call('audits.verifyChain', { id: auditId });
    expect(r).toMatchObject({ ok: false, brokenAt: 5 });
    expect(r.reason).toMatch(/event 4 is missing/);
  });

  it('refuses UPDATE and DELETE on events while the triggers stand', () => {
    expect(() => t.core.db.prepare("UPDATE events SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => t.core.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });

  it('rolls back the change when its event cannot be written', async () => {
    t.core.db.exec("CREATE TRIGGER fail_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    const env = await t.dispatch('responses.save', { auditId, itemId: 's1.i1', value: { kind: 'compliance', answer: 'not_applicable' } });
    expect(env).toMatchObject({ ok: false, error: { code: 'internal' } });
    t.core.db.exec('DROP TRIGGER fail_events');
    const d = await t.call('audits.get', { id: auditId });
    expect(d.responses.find((r) => r.itemId === 's1.i1')!.value).toEqual({ kind: 'compliance', answer: 'compliant' });
  });
});

describe('storage failures', () => {
  it('a database that cannot be written gives a storage error and keeps the old answer', async () => {
    t.core.db.pragma('query_only = ON');
    const env = await t.dispatch('responses.save', { auditId, itemId: 's1.i1', value: { kind: 'compliance', answer: 'not_applicable' } });
    expect(env).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/cannot be written/) } });
    t.core.db.pragma('query_only = OFF');
    const d = await t.call('audits.get', { id: auditId });
    expect(d.responses.find((r) => r.itemId === 's1.i1')!.value).toEqual({ kind: 'compliance', answer: 'compliant' });
  });
});
