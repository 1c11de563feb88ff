// Worker interviews are private: their notes (and any excerpt not marked for
// inclusion, or from a worker who did not consent) never reach the export
// used by reports and bundles, nor the event log that bundles carry.
import { describe, expect, it } from 'vitest';
import { interviewsForExport } from '../../../electron/core/evidence/interview-export';
import { acknowledgeWarnings } from '../core/helpers/core-fixture';
import { collectAuditDoc } from '../../../electron/core/bundle/collect';
import { listEvents } from '../../../electron/core/store/events';
import { auditContentHash } from '../../../electron/core/store/repos/lifecycle';
import { AppError } from '../../../shared/errors';
import { makeJpeg, upload, useAuditCore } from './helpers';

const ctx = useAuditCore();

const SECRETS = ['SECRET-NOTE-Maria', 'SECRET-UNMARKED', 'SECRET-NO-CONSENT', 'SECRET-ROLE-night-lead', 'SECRET-INTERVIEWER'];

async function seedInterviews() {
  await ctx.t.call('interviews.save', {
    auditId: ctx.auditId, code: 'W-07', type: 'individual', role: SECRETS[3]!, tenureBand: 'under_3_months', language: 'Tagalog', interviewer: SECRETS[4]!, consent: true,
    topics: ['Overtime', 'wages'], findingsRaised: ['s1.i2'], notes: `${SECRETS[0]} said the supervisor keeps passports.`,
    excerpts: [{ text: 'We are told overtime is not optional.', include: true }, { text: `${SECRETS[1]} names the supervisor`, include: false }],
  });
  await ctx.t.call('interviews.save', {
    auditId: ctx.auditId, code: 'W-08', type: 'individual', consent: false, topics: ['overtime'], notes: 'Declined to be quoted.',
    excerpts: [{ text: `${SECRETS[2]} quote`, include: true }],
  });
  await ctx.t.call('interviews.save', { auditId: ctx.auditId, code: 'G-01', type: 'group', consent: true, topics: ['Grievance channel', 'Overtime'], notes: `${SECRETS[0]} again` });
}

describe('worker interviews', () => {
  it('exports counts, themes and marked excerpts of consenting workers only', async () => {
    await seedInterviews();
    const out = interviewsForExport(ctx.t.core, ctx.auditId);
    expect(out).toEqual({
      total: 3, individual: 2, group: 1, withConsent: 2,
      themes: [{ topic: 'Overtime', count: 3 }, { topic: 'Grievance channel', count: 1 }, { topic: 'wages', count: 1 }],
      findingsRaised: [{ itemId: 's1.i2', count: 1 }],
      excerpts: [{ code: 'W-07', text: 'We are told overtime is not optional.' }],
    });
    const text = JSON.stringify(out);
    for (const s of [...SECRETS, 'Tagalog', 'under_3_months', 'passports']) expect(text).not.toContain(s);
  });

  it('keeps notes, unmarked excerpts, role and interviewer out of the event log and the bundle document', async () => {
    await seedInterviews();
    const { createdAt: _c, updatedAt: _u, ...w07 } = (await ctx.t.call('interviews.list', { auditId: ctx.auditId })).find((i) => i.code === 'W-07')!;
    await ctx.t.call('interviews.save', { ...w07, notes: `${w07.notes} ${SECRETS[0]} later added` });
    const rows = listEvents(ctx.t.core.db, ctx.auditId);
    const events = JSON.stringify(rows);
    for (const s of SECRETS) expect(events).not.toContain(s);
    const update = rows.find((e) => e.entity === 'interview' && e.action === 'update');
    expect(JSON.parse(update!.new!)).toEqual({ code: 'W-07', type: 'individual', consent: true, changed: ['notes'], excerptsMarked: 1 });
    const doc = JSON.stringify(collectAuditDoc(ctx.t.core, ctx.auditId, null));
    for (const s of SECRETS) expect(doc).not.toContain(s);
  });

  it('never asks for a name: the code must be a pseudonym, unique in the audit', async () => {
    const bad = await ctx.t.dispatch('interviews.save', { auditId: ctx.auditId, code: 'Maria Santos', type: 'individual', consent: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('Please check code: use a code such as W-07, never a name');
    await ctx.t.call('interviews.save', { auditId: ctx.auditId, code: 'W-01', type: 'individual', consent: true });
    const dup = await ctx.t.call('interviews.save', { auditId: ctx.auditId, code: 'W-01', type: 'group', consent: true }).then(() => null, (e: unknown) => e as AppError);
    expect(dup?.message).toBe('Code W-01 is already used in this audit; give each interview its own code.');
    const [i] = await ctx.t.call('interviews.list', { auditId: ctx.auditId });
    expect(await ctx.t.call('interviews.delete', { id: i!.id })).toEqual({ deleted: true });
    expect(await ctx.t.call('interviews.list', { auditId: ctx.auditId })).toEqual([]);
  });

  it('links only items of the checklist: an unknown item is refused and nothing is stored', async () => {
    const bad = await ctx.t.call('interviews.save', { auditId: ctx.auditId, code: 'W-02', type: 'individual', consent: true, findingsRaised: ['s1.i2', 'zz'] }).then(() => null, (e: unknown) => e as AppError);
    expect(bad?.message).toBe('This audit\'s checklist has no item "zz".');
    expect(bad?.fields).toEqual([{ path: 'findingsRaised[1]', message: 'no such item', text: { key: 'problem.noItem' } }]);
    expect(await ctx.t.call('interviews.list', { auditId: ctx.auditId })).toEqual([]);
  });
});

describe('documents reviewed', () => {
  it('records a document with notes, linked items and its photos', async () => {
    const doc = await ctx.t.call('documents.save', { auditId: ctx.auditId, kind: 'time_records', title: 'Clock-in records, weeks 40–43', notes: '- 3 of 12 over 60 h\n- no rest day for W-07', itemIds: ['s1.i2', 's1.i2', 's2.i1'] });
    expect(doc.itemIds).toEqual(['s1.i2', 's2.i1']);
    const { photo } = await upload(ctx.t, ctx.auditId, await makeJpeg(200, 100), 'page1.jpg', { kind: 'document', documentId: doc.id });
    const refused = await ctx.t.call('documents.delete', { id: doc.id }).then(() => null, (e: unknown) => e as AppError);
    expect(refused?.message).toBe('This document has 1 photo; delete it first.');
    const bad = await ctx.t.call('documents.save', { auditId: ctx.auditId, kind: 'policies', title: 'x', itemIds: ['zz'] }).then(() => null, (e: unknown) => e as AppError);
    expect(bad?.message).toBe('This audit\'s checklist has no item "zz".');
    await ctx.t.call('evidence.delete', { id: photo.id });
    expect(await ctx.t.call('documents.delete', { id: doc.id })).toEqual({ deleted: true });
    expect(await ctx.t.call('documents.list', { auditId: ctx.auditId })).toEqual([]);
  });
});

describe('a reopened revision', () => {
  it('carries the evidence over, sharing the files and relinking findings and documents', async () => {
    await ctx.t.call('responses.save', { auditId: ctx.auditId, itemId: 's1.i2', value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Blocked exit', severity: 'major' });
    const finding = (await ctx.t.call('findings.list', { auditId: ctx.auditId }))[0]!;
    const doc = await ctx.t.call('documents.save', { auditId: ctx.auditId, kind: 'contracts', title: 'Contracts of 10 agents' });
    await upload(ctx.t, ctx.auditId, await makeJpeg(120, 90, { seed: 1 }), 'f.jpg', { kind: 'finding', findingId: finding.id });
    await upload(ctx.t, ctx.auditId, await makeJpeg(120, 90, { seed: 2 }), 'd.jpg', { kind: 'document', documentId: doc.id });
    await seedInterviews();
    for (let s = 1; s <= 3; s++) for (let i = 1; i <= 4; i++) if (!(s === 1 && i === 2)) await ctx.t.call('responses.save', { auditId: ctx.auditId, itemId: `s${s}.i${i}`, value: { kind: 'compliance', answer: 'compliant' } });
    await acknowledgeWarnings(ctx.t, ctx.auditId);
    await ctx.t.call('audits.finalize', { id: ctx.auditId });
    const next = await ctx.t.call('audits.reopen', { id: ctx.auditId });
    const photos = await ctx.t.call('evidence.list', { auditId: next.id });
    const newFinding = (await ctx.t.call('findings.list', { auditId: next.id }))[0]!;
    const newDoc = (await ctx.t.call('documents.list', { auditId: next.id }))[0]!;
    expect(photos.map((p) => p.target)).toEqual([{ kind: 'finding', findingId: newFinding.id }, { kind: 'document', documentId: newDoc.id }]);
    expect(newDoc.title).toBe('Contracts of 10 agents');
    expect((await ctx.t.call('interviews.list', { auditId: next.id })).map((i) => i.code)).toEqual(['G-01', 'W-07', 'W-08']);
    // Deleting in the new revision keeps the file: the finalized revision still refers to it.
    expect(await ctx.t.call('evidence.delete', { id: photos[0]!.id })).toEqual({ deleted: true, filesRemoved: 0 });
  });
});

describe("the audit's content hash", () => {
  it('covers its evidence: a caption, a document or an interview changes it', async () => {
    const hashes = [auditContentHash(ctx.t.core, ctx.auditId)];
    const { photo } = await upload(ctx.t, ctx.auditId, await makeJpeg(64, 48, { seed: 3 }), 'p.jpg', { kind: 'audit' });
    hashes.push(auditContentHash(ctx.t.core, ctx.auditId));
    await ctx.t.call('evidence.caption', { id: photo.id, caption: 'Fire exit blocked by boxes' });
    hashes.push(auditContentHash(ctx.t.core, ctx.auditId));
    await ctx.t.call('documents.save', { auditId: ctx.auditId, kind: 'policies', title: 'Grievance policy v3' });
    hashes.push(auditContentHash(ctx.t.core, ctx.auditId));
    await seedInterviews();
    hashes.push(auditContentHash(ctx.t.core, ctx.auditId));
    expect(new Set(hashes).size).toBe(hashes.length);
    // The same content gives the same hash.
    expect(auditContentHash(ctx.t.core, ctx.auditId)).toBe(hashes.at(-1));
  });
});
