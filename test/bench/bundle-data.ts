// Inputs of the bundle benchmark, written to disk before any measured
// process starts: a laptop whose audit holds N MB of photo originals, an HQ
// with its age key and the laptop enrolled, and a thousand small bundles
// from twenty auditors.
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/core';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { saveProfileWithKey } from '../../electron/core/profile-service';
import { createDemo } from '../../electron/core/demo/create';
import { loadSigningKey } from '../../electron/core/keys/signing-key';
import { saveResponse } from '../../electron/core/store/repos/responses';
import { touchAudit } from '../../electron/core/store/repos/audits';
import { record } from '../../electron/core/store/repos/record';
import { originalPath } from '../../electron/core/evidence/layout';
import { PHOTO_SELECT, photoFromRow } from '../../electron/core/evidence/photo-rows';
import { exportBundle } from '../../electron/core/bundle/export';
import { markAcked } from '../../electron/core/sync/outbox-store';
import { openHq, type Hq } from '../../electron/core/hq/context';
import { enrolAuditor } from '../../electron/core/hq/enrol';
import { initHqKey } from '../../electron/core/hq/keys';
import { uuidv7 } from '../../shared/ids';

export const HQ_PASS = 'bench-hq';
export const laptopPass = (i: number): string => `bench-${i}`;
const PHOTO_SIZE = 4 * 1024 * 1024;

export async function laptop(root: string, i: number): Promise<Core> {
  const core = await openCore({ dataDir: join(root, `laptop-${i}`), secretBox: passphraseBox(laptopPass(i)) });
  saveProfileWithKey(core, { name: `Auditor ${i}`, organisation: 'Bench', email: `a${i}@example.org`, auditorId: `AUD-${String(i).padStart(3, '0')}` });
  createDemo(core);
  return core;
}

export async function hqWithKey(dir: string): Promise<{ hq: Hq; recipient: string }> {
  const hq = await openHq(dir, passphraseBox(HQ_PASS));
  return { hq, recipient: (await initHqKey(hq)).recipient };
}

export function enrol(hq: Hq, core: Core, i: number): void {
  const key = loadSigningKey(core);
  enrolAuditor(hq.db, { publicKey: key.publicKeyRaw.toString('base64'), auditorId: `AUD-${i}`, name: `Auditor ${i}` });
}

export function editableTextAnswer(core: Core): { auditId: string; itemId: string } {
  const r = core.db.prepare(`SELECT r.audit_id, r.item_id FROM responses r JOIN audits a ON a.id = r.audit_id
    WHERE a.status != 'finalized' AND r.value LIKE '%"kind":"text"%' ORDER BY r.audit_id, r.item_id LIMIT 1`).get() as { audit_id: string; item_id: string };
  return { auditId: r.audit_id, itemId: r.item_id };
}

export function changeAnswer(core: Core, text: string): void {
  const { auditId, itemId } = editableTextAnswer(core);
  saveResponse(core, { auditId, itemId, value: { kind: 'text', text }, note: '', severity: null, zeroTolerance: false });
}

/**
 * Random 4 MB originals straight into the content-addressed store, with the
 * rows and the `capture` event the photo ingest writes (decoding a gigabyte
 * of real JPEGs would measure the decoder, not the bundle). HQ checks those
 * rows against the events, so the import does all its work.
 */
export function placePhotos(core: Core, auditId: string, mb: number): number {
  const count = Math.round((mb * 1048576) / PHOTO_SIZE);
  const insFile = core.db.prepare(`INSERT INTO photo_files (sha256, ext, format, bytes, width, height, created_at) VALUES (?, 'jpg', 'jpeg', ?, 4000, 3000, ?)`);
  const insPhoto = core.db.prepare(`INSERT INTO photos (id, audit_id, sha256, scope, ref, caption, created_at, capture_source, original_name, updated_at)
    VALUES (?, ?, ?, 'audit', '', ?, ?, 'added', ?, ?)`);
  for (let i = 0; i < count; i++) {
    const data = randomBytes(PHOTO_SIZE);
    const sha = createHash('sha256').update(data).digest('hex');
    const file = originalPath(core.paths.photos, sha, 'jpg');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, data);
    core.db.transaction(() => {
      const now = new Date().toISOString();
      const id = uuidv7();
      insFile.run(sha, data.length, now);
      insPhoto.run(id, auditId, sha, `Photo ${i + 1}`, now, `IMG_${i}.jpg`, now);
      const p = photoFromRow(core.db.prepare(`${PHOTO_SELECT} WHERE p.id = ?`).get(id) as Record<string, unknown>);
      record(core, auditId, 'photo', id, 'capture', null, {
        sha256: p.sha256, bytes: p.bytes, format: p.format, originalName: p.originalName,
        target: p.target, caption: p.caption, capturedAt: p.capturedAt, captureSource: p.captureSource,
      });
      touchAudit(core.db, auditId);
    }).immediate();
  }
  return count;
}

/** `count` bundles from `auditors` laptops (each a full bundle, then incrementals after one changed answer), all enrolled at `hq`. */
export async function smallBundles(root: string, hq: Hq, count: number, auditors: number): Promise<string[]> {
  const dir = join(root, 'small');
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const per = Math.ceil(count / auditors);
  for (let a = 1; a <= auditors; a++) {
    const core = await laptop(root, a);
    enrol(hq, core, a);
    for (let n = 0; n < per && files.length < count; n++) {
      if (n > 0) changeAnswer(core, `Answer ${n} of auditor ${a}`);
      const b = await exportBundle(core, { out: join(dir, `a${a}-${String(n).padStart(3, '0')}.fsb`), recipient: null });
      markAcked(core.db, b.bundleId);
      files.push(b.path);
    }
    core.close();
  }
  return files;
}
