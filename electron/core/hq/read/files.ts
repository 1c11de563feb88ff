// Photos, signed reports and closure evidence files at HQ, by hash, as the
// laptop serves its evidence: only files of imported audits (and of their
// action chains); photos and evidence pictures as derivatives (a
// thumbnail, or full size) made with the laptop's own decoder and pipeline,
// which drop every metadata field (GPS included). Derivatives are made once
// and kept in HQ's folder; content-addressed, they never change.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';
import type { Hq } from '../context';
import { hqClosureFile, hqPhotoFile, hqReportFile } from '../store-files';
import { heldClosureFile } from '../closure-files';
import { decodePhoto } from '../../evidence/decode';
import { derivativePipeline } from '../../evidence/derive';

export type PhotoSize = 'thumb' | 'full';

export interface ServedFile {
  contentType: string;
  body: Buffer;
}

const derivedFile = (hq: Hq, sha: string, size: PhotoSize): string => join(hq.paths.dir, 'derived', size, sha.slice(0, 2), `${sha}.jpg`);

/** By hash, through hq_closure_evidence_sha (HQ 6): the first record in (audit_id, seq) order, read from the index without a sort. */
export const EVIDENCE_BY_SHA = 'SELECT media_type, name FROM hq_closure_evidence WHERE sha256 = ? ORDER BY audit_id, seq LIMIT 1';

/** A closure evidence record HQ holds for these bytes (its media type, and a name to save it under). */
function evidenceOf(hq: Hq, sha256: string): { media_type: string; name: string } | undefined {
  return hq.db.prepare(EVIDENCE_BY_SHA).get(sha256) as { media_type: string; name: string } | undefined;
}

export async function hqPhoto(hq: Hq, sha256: string, size: PhotoSize): Promise<ServedFile> {
  // An audit's photo, or a picture sent or taken as evidence that an action was closed (served the same way, metadata stripped).
  const photo = !!hq.db.prepare('SELECT 1 FROM photos WHERE sha256 = ?').get(sha256);
  if (!photo && !evidenceOf(hq, sha256)?.media_type.startsWith('image/')) throw refusal('not_found', msg('hqRead.noPhoto'));
  const out = derivedFile(hq, sha256, size);
  if (!existsSync(out)) {
    const original = photo ? hqPhotoFile(hq, sha256) : heldClosureFile(hq, sha256) ?? hqClosureFile(hq, sha256);
    let body: Buffer;
    try {
      const decoded = await decodePhoto(original, (await stat(original)).size);
      // Full size keeps the picture's own pixels; the thumbnail is the laptop's.
      body = size === 'thumb' ? await derivativePipeline(decoded.pipeline(), 'thumb').toBuffer() : await decoded.pipeline().flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer();
    } catch (e) {
      if (e instanceof AppError) throw refusal('storage', msg('hqRead.photoUnreadable', { photo: sha256.slice(0, 12), reason: e.text ?? msg('core.asWritten', { text: e.message }) }));
      throw refusal('storage', msg('hqRead.photoMissing', { photo: sha256.slice(0, 12), folder: hq.paths.photos }));
    }
    mkdirSync(join(out, '..'), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, body);
    renameSync(tmp, out);
    return { contentType: 'image/jpeg', body };
  }
  return { contentType: 'image/jpeg', body: await readFile(out) };
}

export async function hqReport(hq: Hq, sha256: string): Promise<ServedFile & { auditId: string | null; verified: boolean }> {
  const row = hq.db.prepare('SELECT audit_id FROM reports WHERE sha256 = ?').get(sha256) as { audit_id: string | null } | undefined;
  if (!row) throw refusal('not_found', msg('hqRead.noReport'));
  try {
    const body = await readFile(hqReportFile(hq, sha256));
    // Checked at import against the bundle's signer and the audit's finalize hash (report-check.ts); audit_id is set only then.
    return { contentType: 'application/pdf', body, auditId: row.audit_id, verified: row.audit_id !== null };
  } catch {
    throw refusal('storage', msg('hqRead.reportMissing', { report: sha256.slice(0, 12), folder: hq.paths.reports }));
  }
}

/**
 * A closure evidence file as the site sent it (a document to open, or a
 * picture's original), by hash; only files an imported action chain names.
 * Served as bytes to save, never shown inline.
 */
export async function hqEvidenceFile(hq: Hq, sha256: string): Promise<ServedFile & { name: string }> {
  const ev = evidenceOf(hq, sha256);
  if (!ev) throw refusal('not_found', msg('hqRead.noEvidence'));
  const file = heldClosureFile(hq, sha256);
  if (!file) throw refusal('storage', msg('hqRead.evidenceNotHeld', { file: sha256.slice(0, 12) }));
  return { contentType: SAFE_TYPE.test(ev.media_type) ? ev.media_type : 'application/octet-stream', body: await readFile(file), name: ev.name };
}

// The media type is the laptop's claim: passed on only when it is a plain type/subtype.
const SAFE_TYPE = /^[a-z0-9][a-z0-9.+-]{0,60}\/[a-z0-9][a-z0-9.+-]{0,100}$/;

export interface FileReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const NAME = /^(thumb|full)\/([0-9a-f]{64})\.jpg$|^report\/([0-9a-f]{64})\.pdf$|^closure\/([0-9a-f]{64})$/;

/** For a protocol or HTTP route (thumb/<sha>.jpg, full/<sha>.jpg, report/<sha>.pdf, closure/<sha>), as the laptop's photoFileReply. */
export async function hqFileReply(hq: Hq, name: string): Promise<FileReply> {
  const m = NAME.exec(name);
  const plain = (status: number, text: string): FileReply => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }, body: Buffer.from(text) });
  if (!m) return plain(404, 'Not found');
  try {
    const f = m[4] ? await hqEvidenceFile(hq, m[4]) : m[3] ? await hqReport(hq, m[3]) : await hqPhoto(hq, m[2]!, m[1] as PhotoSize);
    // A closure file is the site's bytes: saved, never rendered in the app's origin.
    const save: Record<string, string> = m[4] ? { 'Content-Disposition': 'attachment', 'Content-Security-Policy': "default-src 'none'; sandbox" } : {};
    return { status: 200, headers: { 'Content-Type': f.contentType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=31536000, immutable', ...save }, body: f.body };
  } catch {
    return plain(404, 'Not found');
  }
}
