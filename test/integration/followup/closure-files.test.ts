// Closure evidence files travel to HQ: the photos and documents a site sent
// as evidence that a corrective action was closed go in the bundle beside the
// action chain's records, content-addressed and listed in the signed
// manifest; HQ checks each against its hash before writing anything, keeps
// it in its own content-addressed folder and serves it by hash (pictures as
// thumbnails and full size through the photo path, documents as received).
// An incremental bundle carries only files HQ was not sent yet. A changed,
// missing or extra file refuses the bundle and HQ is left exactly as it was.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addPhotos, editableAuditId, makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq, snapshot } from '../bundle/hq';
import { forge, readParts, type Parts } from '../bundle/forge';
import { exportBundle, photoFile } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { addClosureEvidence, listTracks, updateTrack } from '../../../electron/core/followup/tracks';
import type { Hq } from '../../../electron/core/hq/context';
import { hqClosureFile as storedAt } from '../../../electron/core/hq/store-files';
import { hqEvidenceFile, hqFileReply, hqPhoto } from '../../../electron/core/hq/read/files';
import { getHqAudit } from '../../../electron/core/hq/read/audit-detail';
import type { Manifest } from '../../../electron/core/bundle/manifest';

const today = () => new Date().toISOString().slice(0, 10);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let root: string;
let laptop: Laptop;
let hq: Hq;
let auditId: string;
let actionId: string;
let photo: Buffer;
let photoSha: string;
const pdf = Buffer.from('%PDF-1.4\n% fire drill register sent by the site\n');
let n = 0;

async function bundle(opts: { full?: boolean } = {}): Promise<{ file: string; manifest: Manifest; closureFiles: number }> {
  const file = join(root, `c${++n}.fsb`);
  const r = await exportBundle(laptop.core, { out: file, recipient: null, ...opts });
  return { file, manifest: r.manifest, closureFiles: r.closureFiles };
}

function addEvidence(name: string, mediaType: string, data: Buffer): void {
  addClosureEvidence(laptop.core, { actionId, name, mediaType, data: data.toString('base64'), source: 'site_sent', receivedAt: today(), description: `${name} by email` });
}

const closureEntries = (m: Manifest) => m.files.filter((f) => f.path.startsWith('closure/')).map((f) => f.path).sort();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-closure-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  auditId = (laptop.core.db.prepare("SELECT id FROM audits WHERE status = 'finalized' AND kind = 'full'").get() as { id: string }).id;
  actionId = listTracks(laptop.core, auditId).find((t) => t.status === 'open')!.actionId;
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0392b' } }).jpeg().toBuffer();
  addEvidence('fire-exit.jpg', 'image/jpeg', photo);
  addEvidence('drill-register.pdf', 'application/pdf', pdf);
  [photoSha] = await addPhotos(laptop.core, editableAuditId(laptop.core), 1) as [string];
}, 60_000);
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('closure evidence files from laptop to HQ', () => {
  test('a full bundle carries each file once, named by its hash and listed with its hash and size in the signed manifest; HQ stores and serves them', async () => {
    const { file, manifest, closureFiles } = await bundle();
    expect(closureFiles).toBe(2);
    expect(closureEntries(manifest)).toEqual([`closure/${sha(photo)}`, `closure/${sha(pdf)}`].sort());
    expect(manifest.files).toEqual(expect.arrayContaining([{ path: `closure/${sha(pdf)}`, sha256: sha(pdf), size: pdf.length }]));
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect(readFileSync(storedAt(hq, sha(photo)))).toEqual(photo);
    expect(readFileSync(storedAt(hq, sha(pdf)))).toEqual(pdf);
    expect(readdirSync(hq.paths.staging)).toEqual([]);

    // HQ's audit view lists them under the action, by hash and media type.
    const ev = getHqAudit(hq.db, { auditId }).cycle.actions.find((a) => a.actionId === actionId)!.evidence;
    expect(ev.map((e) => [e.name, e.sha256, e.mediaType, e.size])).toEqual(expect.arrayContaining([
      ['fire-exit.jpg', sha(photo), 'image/jpeg', photo.length], ['drill-register.pdf', sha(pdf), 'application/pdf', pdf.length],
    ]));
    // The picture through the photo path (a thumbnail and full size, decoded again), the document as received.
    for (const size of ['thumb', 'full'] as const) {
      const img = await hqPhoto(hq, sha(photo), size);
      expect(img.contentType).toBe('image/jpeg');
      expect((await sharp(img.body).metadata()).format).toBe('jpeg');
    }
    const doc = await hqEvidenceFile(hq, sha(pdf));
    expect([doc.contentType, doc.name, doc.body.equals(pdf)]).toEqual(['application/pdf', 'drill-register.pdf', true]);
    const reply = await hqFileReply(hq, `closure/${sha(pdf)}`);
    expect([reply.status, reply.headers['Content-Type'], reply.headers['Content-Disposition'], reply.body.equals(pdf)]).toEqual([200, 'application/pdf', 'attachment', true]);
    // A document is not a picture; a hash HQ holds no evidence for is not served.
    await expect(hqPhoto(hq, sha(pdf), 'thumb')).rejects.toMatchObject({ code: 'not_found' });
    await expect(hqEvidenceFile(hq, '0'.repeat(64))).rejects.toMatchObject({ code: 'not_found' });
    expect((await hqFileReply(hq, `closure/${'0'.repeat(64)}`)).status).toBe(404);
    markAcked(laptop.core.db, manifest.bundleId);
  });

  test('an incremental bundle carries only files HQ was not sent: a new file goes, the same bytes again (or a photo\'s) do not', async () => {
    const plan = Buffer.from('%PDF-1.4\n% evacuation plan, second floor\n');
    addEvidence('evacuation-plan.pdf', 'application/pdf', plan);
    addEvidence('drill-register-again.pdf', 'application/pdf', pdf);
    // The very bytes of a photo of an audit, sent in the first bundle: HQ finds them in its photo store.
    const samePhoto = readFileSync(photoFile(laptop.core, photoSha)!);
    addEvidence('exit-from-the-audit.jpg', 'image/jpeg', samePhoto);
    const { file, manifest, closureFiles } = await bundle();
    expect(manifest.baseBundleId).not.toBeNull();
    expect(closureFiles).toBe(1);
    expect(closureEntries(manifest)).toEqual([`closure/${sha(plan)}`]);
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect(readFileSync(storedAt(hq, sha(plan)))).toEqual(plan);
    const ev = getHqAudit(hq.db, { auditId }).cycle.actions.find((a) => a.actionId === actionId)!.evidence;
    expect(ev.map((e) => e.name).sort()).toEqual(['drill-register-again.pdf', 'drill-register.pdf', 'evacuation-plan.pdf', 'exit-from-the-audit.jpg', 'fire-exit.jpg']);
    expect((await hqEvidenceFile(hq, sha(pdf))).body.equals(pdf)).toBe(true);
    expect((await hqEvidenceFile(hq, photoSha)).body.equals(samePhoto)).toBe(true);
    expect(existsSync(storedAt(hq, photoSha))).toBe(false);
    markAcked(laptop.core.db, manifest.bundleId);
    // Nothing new: the next incremental bundle has nothing to carry.
    await expect(exportBundle(laptop.core, { out: join(root, 'none.fsb'), recipient: null })).rejects.toMatchObject({ code: 'not_ready' });
  });

  test('evidence acknowledged before its file travelled: the next incremental bundle sends its chain again from the start, with the file', async () => {
    // As a laptop and HQ of the version before: the records went, the files did not.
    const legacy = [sha(photo), sha(pdf)];
    laptop.core.db.prepare('DELETE FROM bundle_out_files WHERE sha256 IN (?, ?)').run(...legacy);
    for (const x of legacy) rmSync(storedAt(hq, x));
    updateTrack(laptop.core, { actionId, status: 'in_progress', date: today(), note: 'Drills booked for every shift', verifiedBy: '' });
    const { file, manifest, closureFiles } = await bundle();
    expect(manifest.baseBundleId).not.toBeNull();
    expect(manifest.actionChains).toEqual([expect.objectContaining({ auditId, fromSeq: 1 })]);
    expect(closureEntries(manifest)).toEqual(legacy.map((x) => `closure/${x}`).sort());
    expect(closureFiles).toBe(2);
    const r = await importBundleFile(hq, file);
    expect(r.status, r.message).toBe('imported');
    expect(readFileSync(storedAt(hq, sha(pdf)))).toEqual(pdf);
    expect(readFileSync(storedAt(hq, sha(photo)))).toEqual(photo);
    expect(hq.db.prepare("SELECT status FROM hq_action_closure WHERE audit_id = ? AND action_id = ?").get(auditId, actionId)).toEqual({ status: 'in_progress' });
    markAcked(laptop.core.db, manifest.bundleId);
    // Sent now: the next one continues the chain and carries no file.
    updateTrack(laptop.core, { actionId, status: 'submitted', date: today(), note: 'Site says done', verifiedBy: '' });
    const next = await bundle();
    expect(next.manifest.actionChains?.[0]?.fromSeq).toBeGreaterThan(1);
    expect(closureEntries(next.manifest)).toEqual([]);
    expect((await importBundleFile(hq, next.file)).status).toBe('imported');
    markAcked(laptop.core.db, next.manifest.bundleId);
  });

  describe('a changed, missing or extra file refuses the bundle and writes nothing', () => {
    let fresh: Hq;
    let parts: Parts;
    const closure = (b: Buffer) => `closure/${sha(b)}`;

    beforeAll(async () => {
      // An HQ that holds nothing yet, so a file left out of the bundle cannot be found there either.
      fresh = await makeHq(root);
      enrolLaptop(fresh, laptop.core);
      parts = await readParts((await bundle({ full: true })).file);
      expect([...parts.files.keys()]).toContain(closure(pdf));
    });
    afterAll(() => fresh.close());

    const extra = Buffer.from('%PDF-1.4\n% a file no record names\n');
    const cases: Array<{ name: string; files?: (f: Map<string, Buffer>) => void; manifest?: (m: Record<string, unknown>) => void; entries?: boolean; reason: string; message: RegExp }> = [
      {
        name: 'bytes changed, listed under their new hash', reason: 'hash_mismatch', message: /not named by its own hash/,
        files: (f) => f.set(closure(pdf), Buffer.concat([pdf, Buffer.from('% edited\n')])),
      },
      {
        name: 'bytes changed, the manifest keeping the old hash', reason: 'hash_mismatch', message: /does not match its SHA-256/,
        files: (f) => f.set(closure(pdf), Buffer.from(pdf.toString('latin1').replace('fire', 'FIRE'), 'latin1')),
        manifest: (m) => { for (const x of m.files as Array<{ path: string; sha256: string }>) if (x.path === closure(pdf)) x.sha256 = sha(pdf); },
      },
      { name: 'a file left out', reason: 'missing_file', message: /does not carry and headquarters does not hold/, files: (f) => f.delete(closure(pdf)) },
      { name: 'a file the manifest lists and no record names', reason: 'bad_content', message: /no evidence record in it names/, files: (f) => f.set(closure(extra), extra) },
      { name: 'a file in the archive the manifest does not list', reason: 'unlisted_file', message: /does not list/, entries: true },
    ];
    for (const c of cases) {
      test(c.name, async () => {
        const bytes = forge(parts, {
          signWith: loadSigningKey(laptop.core).privateKey,
          files: c.files,
          manifest: (m) => {
            m.bundleId = randomUUID().replace(/^(.{14})./, '$17');
            c.manifest?.(m);
          },
          entries: c.entries ? (e) => [{ name: closure(extra), data: extra }, ...e] : undefined,
        });
        const file = join(root, `forged-${++n}.fsb`);
        writeFileSync(file, bytes);
        const before = snapshot(fresh.paths.dir);
        const changes = (fresh.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
        const r = await importBundleFile(fresh, file);
        expect(r.status, r.message).toBe('rejected');
        expect(r.reason).toBe(c.reason);
        expect(r.message).toMatch(c.message);
        expect((fresh.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(changes);
        expect(fresh.db.prepare('SELECT count(*) AS n FROM hq_closure_evidence').get()).toEqual({ n: 0 });
        expect(snapshot(fresh.paths.dir)).toEqual(before);
        expect(existsSync(storedAt(fresh, sha(pdf)))).toBe(false);
        expect(readdirSync(fresh.paths.staging)).toEqual([]);
      });
    }

    test('the untouched bundle imports into that HQ', async () => {
      const file = join(root, `forged-${++n}.fsb`);
      writeFileSync(file, forge(parts, { signWith: loadSigningKey(laptop.core).privateKey }));
      const r = await importBundleFile(fresh, file);
      expect(r.status, r.message).toBe('imported');
      expect(readFileSync(storedAt(fresh, sha(pdf)))).toEqual(pdf);
    });
  });
});
