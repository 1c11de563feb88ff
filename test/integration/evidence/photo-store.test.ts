// The photo store through the operations: content addressing, the original
// kept byte for byte, derivatives, dedupe, capture time, the capture event,
// captions, deletion by reference, and the read-only finalized audit.
import { existsSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { listEvents, verifyChain } from '../../../electron/core/store/events';
import { derivativePath, originalPath } from '../../../electron/core/evidence/layout';
import { photoFileReply } from '../../../electron/core/evidence/serve';
import { counts, fixture, makeJpeg, photoTree, sha256, upload, useAuditCore } from './helpers';
import { acknowledgeWarnings } from '../core/helpers/core-fixture';

const ctx = useAuditCore();

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('photo store', () => {
  it('keeps the original byte for byte under its SHA-256, with both derivatives', async () => {
    const bytes = await makeJpeg(2400, 1800, { seed: 7 });
    const { photo, duplicate } = await upload(ctx.t, ctx.auditId, bytes, 'floor.jpg', { kind: 'item', itemId: 's1.i1' }, 'Fire exit');
    expect(duplicate).toBe(false);
    expect(photo.sha256).toBe(sha256(bytes));
    expect(photo).toMatchObject({ target: { kind: 'item', itemId: 's1.i1' }, caption: 'Fire exit', format: 'jpeg', width: 2400, height: 1800, bytes: bytes.length, originalName: 'floor.jpg' });
    const orig = originalPath(ctx.t.core.paths.photos, photo.sha256, 'jpg');
    expect(orig).toContain(`/photos/${photo.sha256.slice(0, 2)}/${photo.sha256}.jpg`);
    expect(readFileSync(orig).equals(bytes)).toBe(true);
    const thumb = await sharp(derivativePath(ctx.t.core.paths.photos, photo.sha256, 'thumb')).metadata();
    const report = await sharp(derivativePath(ctx.t.core.paths.photos, photo.sha256, 'report')).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 320, 240]);
    expect([report.format, report.width, report.height]).toEqual(['jpeg', 1600, 1200]);
  });

  it('writes the hash into the audit event log at capture', async () => {
    const bytes = await makeJpeg(300, 200);
    const { photo } = await upload(ctx.t, ctx.auditId, bytes);
    const ev = listEvents(ctx.t.core.db, ctx.auditId).find((e) => e.entity === 'photo' && e.action === 'capture');
    expect(ev?.entity_id).toBe(photo.id);
    expect(JSON.parse(ev!.new!)).toMatchObject({ sha256: sha256(bytes), bytes: bytes.length, format: 'jpeg' });
    expect(verifyChain(ctx.t.core.db, ctx.auditId).ok).toBe(true);
  });

  it('stores the same photo once, however often it is added', async () => {
    const bytes = await makeJpeg(640, 480, { seed: 3 });
    const a = await upload(ctx.t, ctx.auditId, bytes, 'a.jpg', { kind: 'item', itemId: 's1.i1' });
    const again = await upload(ctx.t, ctx.auditId, bytes, 'a-copy.jpg', { kind: 'item', itemId: 's1.i1' });
    expect(again.duplicate).toBe(true);
    expect(again.photo.id).toBe(a.photo.id);
    const b = await upload(ctx.t, ctx.auditId, bytes, 'b.jpg', { kind: 'item', itemId: 's2.i1' });
    expect(b.duplicate).toBe(false);
    expect(counts(ctx.t)).toEqual({ photos: 2, files: 1 });
    expect(photoTree(ctx.t).filter((f) => !f.startsWith('incoming'))).toHaveLength(3);

    expect(await ctx.t.call('evidence.delete', { id: a.photo.id })).toEqual({ deleted: true, filesRemoved: 0 });
    expect(existsSync(originalPath(ctx.t.core.paths.photos, a.photo.sha256, 'jpg'))).toBe(true);
    expect(await ctx.t.call('evidence.delete', { id: b.photo.id })).toEqual({ deleted: true, filesRemoved: 1 });
    expect(photoTree(ctx.t)).toEqual([]);
    expect(counts(ctx.t)).toEqual({ photos: 0, files: 0 });
    const deletes = listEvents(ctx.t.core.db, ctx.auditId).filter((e) => e.entity === 'photo' && e.action === 'delete');
    expect(deletes.map((e) => JSON.parse(e.old!).sha256)).toEqual([a.photo.sha256, a.photo.sha256]);
  });

  it('takes the capture time from EXIF DateTimeOriginal, else the time added', async () => {
    const canon = (await upload(ctx.t, ctx.auditId, fixture('camera-Canon_40D.jpg'), 'canon.jpg')).photo;
    expect([canon.capturedAt, canon.captureSource]).toEqual(['2008-05-30T15:56:01', 'exif']);
    const withOffset = await makeJpeg(200, 100, { exif: { IFD2: { DateTimeOriginal: '2026:11:29 09:15:00', OffsetTimeOriginal: '+08:00' } } });
    expect((await upload(ctx.t, ctx.auditId, withOffset)).photo.capturedAt).toBe('2026-11-29T09:15:00+08:00');
    const before = new Date().toISOString();
    const plain = (await upload(ctx.t, ctx.auditId, await makeJpeg(200, 100, { seed: 9 }))).photo;
    expect(plain.captureSource).toBe('added');
    expect(plain.capturedAt >= before).toBe(true);
    // A broken EXIF block costs the capture time, not the photo.
    const broken = (await upload(ctx.t, ctx.auditId, fixture('invalid-image01088.jpg'))).photo;
    expect([broken.captureSource, broken.width, broken.height]).toEqual(['added', 425, 120]);
  });

  it('attaches to the audit, a section, an item, a finding or a document, and checks the target exists', async () => {
    await ctx.t.call('responses.save', { auditId: ctx.auditId, itemId: 's1.i2', value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Blocked exit', severity: 'major' });
    const finding = (await ctx.t.call('findings.list', { auditId: ctx.auditId }))[0]!;
    const doc = await ctx.t.call('documents.save', { auditId: ctx.auditId, kind: 'payroll_sample', title: 'October payroll, 12 workers' });
    const targets = [{ kind: 'audit' }, { kind: 'section', sectionId: 's2' }, { kind: 'item', itemId: 's3.i4' }, { kind: 'finding', findingId: finding.id }, { kind: 'document', documentId: doc.id }] as const;
    for (const [i, target] of targets.entries()) {
      const { photo } = await upload(ctx.t, ctx.auditId, await makeJpeg(100, 80, { seed: 100 + i }), `p${i}.jpg`, target);
      expect(photo.target).toEqual(target);
    }
    // A finding's photo also counts as evidence of its item (scoring rules).
    expect(ctx.t.core.db.prepare("SELECT ref FROM photos WHERE finding_id IS NOT NULL").get()).toEqual({ ref: 's1.i2' });
    expect((await ctx.t.call('evidence.list', { auditId: ctx.auditId })).map((p) => p.itemId)).toEqual([null, null, 's3.i4', 's1.i2', null]);
    const bad = await rejection(upload(ctx.t, ctx.auditId, await makeJpeg(100, 80, { seed: 5 }), 'x.jpg', { kind: 'item', itemId: 'nope' }));
    expect(bad.message).toBe('This audit\'s checklist has no item "nope".');
    expect((await ctx.t.call('evidence.list', { auditId: ctx.auditId })).length).toBe(5);
    expect(photoTree(ctx.t).filter((f) => f.startsWith('incoming'))).toEqual([]);
  });

  it('serves derivatives of known photos only, never originals', async () => {
    const { photo } = await upload(ctx.t, ctx.auditId, fixture('gps-DSCN0010.jpg'));
    const thumb = await photoFileReply(ctx.t.core, `thumb/${photo.sha256}.jpg`);
    expect([thumb.status, thumb.headers['Content-Type']]).toEqual([200, 'image/jpeg']);
    expect((await sharp(thumb.body).metadata()).width).toBe(320);
    expect((await photoFileReply(ctx.t.core, `report/${photo.sha256}.jpg`)).status).toBe(200);
    expect((await photoFileReply(ctx.t.core, `original/${photo.sha256}.jpg`)).status).toBe(404);
    expect((await photoFileReply(ctx.t.core, `thumb/${'0'.repeat(64)}.jpg`)).status).toBe(404);
    expect((await photoFileReply(ctx.t.core, `thumb/../../fairsite.db`)).status).toBe(404);
  });

  it('edits captions, and refuses every change once the audit is finalized', async () => {
    const { photo } = await upload(ctx.t, ctx.auditId, await makeJpeg(120, 90));
    expect((await ctx.t.call('evidence.caption', { id: photo.id, caption: '  Exit sign missing ' })).caption).toBe('Exit sign missing');
    for (let s = 1; s <= 3; s++) for (let i = 1; i <= 4; i++) await ctx.t.call('responses.save', { auditId: ctx.auditId, itemId: `s${s}.i${i}`, value: { kind: 'compliance', answer: 'compliant' } });
    await acknowledgeWarnings(ctx.t, ctx.auditId);
    await ctx.t.call('audits.finalize', { id: ctx.auditId });
    const before = photoTree(ctx.t);
    const locked = 'This audit is finalized and read-only. Reopen it to make a new revision.';
    expect((await rejection(ctx.t.call('evidence.caption', { id: photo.id, caption: 'x' }))).message).toBe(locked);
    expect((await rejection(ctx.t.call('evidence.delete', { id: photo.id }))).message).toBe(locked);
    expect((await rejection(ctx.t.call('evidence.annotate', { id: photo.id, shapes: [{ type: 'circle', cx: 0.5, cy: 0.5, r: 0.1 }] }))).message).toBe(locked);
    expect((await rejection(upload(ctx.t, ctx.auditId, await makeJpeg(120, 90, { seed: 2 })))).message).toBe(locked);
    expect(photoTree(ctx.t)).toEqual(before);
  });

  it('takes a photo sent in many chunks, and refuses chunks out of order', async () => {
    const bytes = await makeJpeg(3000, 2000, { seed: 11 });
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    expect((await upload(ctx.t, ctx.auditId, bytes)).photo.sha256).toBe(sha256(bytes));
    const { uploadId } = await ctx.t.call('evidence.upload.start', { auditId: ctx.auditId, name: 'x.jpg', size: 10 });
    const e = await rejection(ctx.t.call('evidence.upload.chunk', { uploadId, offset: 4, data: Buffer.from('abcd').toString('base64') }));
    expect(e.message).toBe('Chunk at byte 4 arrived out of order (expected byte 0).');
    expect(await ctx.t.call('evidence.upload.cancel', { uploadId })).toEqual({ cancelled: true });
    expect(photoTree(ctx.t).filter((f) => f.startsWith('incoming'))).toEqual([]);
  });
});
