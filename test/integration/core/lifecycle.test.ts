// The audit lifecycle through the handlers: draft → in progress → finalized
// (locked) → reopened as a new revision, with findings following answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditContentHash } from '../../../electron/core/store/repos/lifecycle';
import { answerAll, rejection, seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
let ids: Awaited<ReturnType<typeof seedAudit>>;
beforeEach(async () => {
  t = await testCore();
  ids = await seedAudit(t, { sections: 2, itemsPerSection: 5, mixedKinds: true });
});
afterEach(() => t.cleanup());

const compliance = (answer: 'compliant' | 'non_compliant' | 'not_applicable') => ({ kind: 'compliance' as const, answer });
const LOCKED = 'This audit is finalized and read-only. Reopen it to make a new revision.';

describe('audit lifecycle', () => {
  it('starts as a draft and moves to in progress on the first answer', async () => {
    expect(ids.audit.status).toBe('draft');
    await t.call('responses.save', { auditId: ids.audit.id, itemId: 's2.i1', value: compliance('compliant') });
    expect((await t.call('audits.get', { id: ids.audit.id })).audit.status).toBe('in_progress');
  });

  it('refuses to finalize while blockers remain, naming them', async () => {
    await t.call('responses.save', { auditId: ids.audit.id, itemId: 's2.i1', value: compliance('non_compliant') });
    const e = await rejection(t.call('audits.finalize', { id: ids.audit.id }));
    expect(e.code).toBe('not_ready');
    const blockers = e.details as Array<{ itemId: string; reason: string }>;
    expect(blockers).toContainEqual(expect.objectContaining({ itemId: 's2.i1', reason: 'missing_severity' }));
    expect(blockers).toContainEqual(expect.objectContaining({ itemId: 's2.i1', reason: 'missing_note' }));
    expect(blockers).toContainEqual(expect.objectContaining({ itemId: 's2.i2', reason: 'unanswered' }));
    expect((await t.call('audits.get', { id: ids.audit.id })).audit.status).toBe('in_progress');
  });

  it('finalizes, then refuses every edit with the locked error', async () => {
    const id = ids.audit.id;
    await answerAll(t, id);
    const [finding] = await t.call('findings.list', { auditId: id });
    const action = await t.call('actions.save', { findingId: finding!.id, action: 'Clear the exit', owner: 'Facilities', dueDate: '2026-12-01' });
    const note = await t.call('notes.save', { auditId: id, scope: 'audit', body: 'Opening meeting' });
    const done = await t.call('audits.finalize', { id });
    expect(done.status).toBe('finalized');
    expect(done.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(done.finalizedAt).not.toBeNull();

    const edits: Array<Promise<unknown>> = [
      t.call('responses.save', { auditId: id, itemId: 's2.i1', value: compliance('not_applicable') }),
      t.call('notes.save', { auditId: id, scope: 'audit', body: 'late note' }),
      t.call('notes.save', { id: note.id, auditId: id, scope: 'audit', body: 'changed' }),
      t.call('actions.save', { id: action.id, findingId: finding!.id, action: 'changed', owner: 'x', dueDate: '2026-12-01' }),
      t.call('actions.delete', { id: action.id }),
      t.call('audits.finalize', { id }),
    ];
    for (const p of edits) {
      const e = await rejection(p);
      expect(e.code).toBe('locked');
      expect(e.message).toBe(LOCKED);
    }
    expect(auditContentHash(t.core, id)).toBe(done.contentHash);
  });

  it('reopens as a new revision with copies, keeping the finalized one unchanged', async () => {
    const id = ids.audit.id;
    await answerAll(t, id);
    const [finding] = await t.call('findings.list', { auditId: id });
    await t.call('actions.save', { findingId: finding!.id, action: 'Clear the exit', owner: 'Facilities', dueDate: '2026-12-01' });
    await t.call('notes.save', { auditId: id, scope: 'item', ref: 's2.i3', body: 'Photo taken' });
    const done = await t.call('audits.finalize', { id });
    const before = await t.call('audits.get', { id });

    const next = await t.call('audits.reopen', { id });
    expect(next).toMatchObject({ revision: 2, previousId: id, status: 'in_progress', contentHash: null, finalizedAt: null });
    const copy = await t.call('audits.get', { id: next.id });
    expect(copy.responses.map((r) => [r.itemId, r.value, r.note, r.severity])).toEqual(before.responses.map((r) => [r.itemId, r.value, r.note, r.severity]));
    expect(copy.findings.map((f) => [f.itemId, f.summary, f.severity])).toEqual(before.findings.map((f) => [f.itemId, f.summary, f.severity]));
    expect(copy.actions).toHaveLength(1);
    expect(copy.actions[0]!.findingId).toBe(copy.findings[0]!.id);
    expect(copy.notes.map((n) => n.body)).toEqual(['Photo taken']);

    await t.call('responses.save', { auditId: next.id, itemId: 's2.i3', value: compliance('compliant') });
    expect(await t.call('audits.get', { id })).toEqual(before);
    expect(auditContentHash(t.core, id)).toBe(done.contentHash);
    expect((await rejection(t.call('audits.reopen', { id }))).code).toBe('conflict');
    expect((await rejection(t.call('audits.reopen', { id: next.id }))).code).toBe('conflict');
    expect((await t.call('audits.verifyChain', { id: next.id })).ok).toBe(true);
  });
  it('carries interviews, documents and photo records into the new revision', async () => {
    const id = ids.audit.id;
    await answerAll(t, id);
    const [finding] = await t.call('findings.list', { auditId: id });
    const db = t.core.db;
    const now = new Date().toISOString();
    db.prepare("INSERT INTO interviews (id, audit_id, code, type, role, consent, topics, created_at, updated_at) VALUES ('01900000-0000-7000-8000-0000000000a1', ?, 'W-01', 'individual', 'agent', 1, '[\"hours\"]', ?, ?)").run(id, now, now);
    db.prepare("INSERT INTO documents (id, audit_id, kind, title, created_at, updated_at) VALUES ('01900000-0000-7000-8000-0000000000d1', ?, 'payroll_sample', 'Payroll March', ?, ?)").run(id, now, now);
    db.prepare(`INSERT INTO photos (id, audit_id, sha256, scope, ref, caption, created_at, finding_id, document_id)
      VALUES ('01900000-0000-7000-8000-0000000000f1', ?, ?, 'item', 's2.i3', 'Blocked exit', ?, ?, '01900000-0000-7000-8000-0000000000d1')`).run(id, 'a'.repeat(64), now, finding!.id);
    await t.call('audits.finalize', { id });
    const next = await t.call('audits.reopen', { id });
    const newFinding = (await t.call('findings.list', { auditId: next.id }))[0]!;
    const doc = db.prepare('SELECT id, title FROM documents WHERE audit_id = ?').get(next.id) as { id: string; title: string };
    expect(doc.title).toBe('Payroll March');
    expect(db.prepare('SELECT code, topics, consent FROM interviews WHERE audit_id = ?').all(next.id)).toEqual([{ code: 'W-01', topics: '["hours"]', consent: 1 }]);
    expect(db.prepare('SELECT caption, finding_id, document_id, sha256 FROM photos WHERE audit_id = ?').all(next.id))
      .toEqual([{ caption: 'Blocked exit', finding_id: newFinding.id, document_id: doc.id, sha256: 'a'.repeat(64) }]);
    expect(db.prepare('SELECT count(*) AS n FROM photos WHERE audit_id = ?').get(id)).toEqual({ n: 1 });
    expect((await t.call('audits.score', { id: next.id })).blockers).toEqual([]);
  });
});

describe('findings follow answers', () => {
  it('a non-compliant answer makes one finding; a compliant one removes it and its actions', async () => {
    const auditId = ids.audit.id;
    const r1 = await t.call('responses.save', { auditId, itemId: 's2.i2', value: compliance('non_compliant'), note: 'Screens unlocked', severity: 'major' });
    expect(r1.finding).toMatchObject({ itemId: 's2.i2', sectionId: 's2', source: 'answer', severity: 'major', summary: 'Screens unlocked' });
    const r2 = await t.call('responses.save', { auditId, itemId: 's2.i2', value: compliance('non_compliant'), note: 'Screens unlocked on 5 desks', severity: 'minor' });
    expect(r2.finding!.id).toBe(r1.finding!.id);
    expect(r2.finding!.severity).toBe('minor');
    await t.call('actions.save', { findingId: r1.finding!.id, action: 'Set a 5-minute lock', owner: 'IT', dueDate: '2026-12-01' });
    const r3 = await t.call('responses.save', { auditId, itemId: 's2.i2', value: compliance('compliant') });
    expect(r3.finding).toBeNull();
    const d = await t.call('audits.get', { id: auditId });
    expect(d.findings).toEqual([]);
    expect(d.actions).toEqual([]);
    const events = t.core.db.prepare('SELECT entity, action FROM events WHERE audit_id = ? ORDER BY seq').all(auditId);
    expect(events).toContainEqual({ entity: 'action', action: 'delete' });
    expect(events).toContainEqual({ entity: 'finding', action: 'delete' });
  });

  it('computed breaches (wage, hours, number, choice) make findings with source "check"', async () => {
    const auditId = ids.audit.id;
    const wage = await t.call('responses.save', { auditId, itemId: 's1.i1', value: { kind: 'wage', rows: [{ worker: 'A', period: 'hour', basePay: 50, regularHours: 160, overtimeHours: 0, overtimePay: 0 }] } });
    expect(wage.finding).toMatchObject({ source: 'check', severity: 'major' });
    expect(wage.finding!.summary).toMatch(/below the legal minimum/);
    const hours = await t.call('responses.save', { auditId, itemId: 's1.i2', value: { kind: 'hours', rows: [{ worker: 'B', weekStart: '', contracted: 48, overtime: 20, daysWorked: 7, voluntary: false }] } });
    expect(hours.finding!.source).toBe('check');
    const noise = await t.call('responses.save', { auditId, itemId: 's1.i3', value: { kind: 'number', value: 91 } });
    expect(noise.finding!.summary).toMatch(/above the limit/);
    const quiet = await t.call('responses.save', { auditId, itemId: 's1.i3', value: { kind: 'number', value: 70 } });
    expect(quiet.finding).toBeNull();
    const choice = await t.call('responses.save', { auditId, itemId: 's1.i4', value: { kind: 'choice', selected: ['no'] } });
    expect(choice.finding!.source).toBe('answer');
    expect((await t.call('findings.list', { auditId })).map((f) => f.itemId).sort()).toEqual(['s1.i1', 's1.i2', 's1.i4']);
  });

  it('refuses answers that do not fit the item', async () => {
    const auditId = ids.audit.id;
    const e1 = await rejection(t.call('responses.save', { auditId, itemId: 'nope', value: compliance('compliant') }));
    expect(e1).toMatchObject({ code: 'invalid_input', fields: [{ path: 'itemId', message: expect.any(String) }] });
    const e2 = await rejection(t.call('responses.save', { auditId, itemId: 's1.i3', value: compliance('compliant') }));
    expect(e2.fields![0]!.path).toBe('value.kind');
    const e3 = await rejection(t.call('responses.save', { auditId, itemId: 's1.i4', value: { kind: 'choice', selected: ['maybe'] } }));
    expect(e3.fields![0]!.path).toBe('value.selected[0]');
    const e4 = await rejection(t.call('responses.save', { auditId: '01900000-0000-7000-8000-000000000000', itemId: 's1.i4', value: null }));
    expect(e4.code).toBe('not_found');
    expect((await t.call('audits.get', { id: auditId })).responses).toEqual([]);
  });
});
