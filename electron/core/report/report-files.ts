// The record of report files in DATA/reports (table report_files): which
// audit and revision each belongs to and the hash of its bytes, so an audit's
// signed report is found by its record, not by a name.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db';
import { sha256Hex } from '../bundle/hashing';
import { writeFileAtomicSync } from '../atomic-file';

export interface ReportFileRow {
  name: string;
  auditId: string;
  revision: number;
  sha256: string;
  size: number;
}

export function recordReportFile(db: Db, r: { name: string; auditId: string; revision: number; signed: boolean; bytes: Uint8Array }): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO report_files (name, audit_id, revision, signed, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET audit_id = excluded.audit_id, revision = excluded.revision, signed = excluded.signed,
        sha256 = excluded.sha256, size = excluded.size, created_at = excluded.created_at`)
      .run(r.name, r.auditId, r.revision, r.signed ? 1 : 0, sha256Hex(Buffer.from(r.bytes)), r.bytes.length, new Date().toISOString());
  }).immediate();
}

/**
 * Writes a report. A signed one is linked into place only if the name is
 * free (link fails on an existing name), so no signed report is ever
 * replaced, even by another process racing for the same name.
 */
export function writeReportFile(file: string, bytes: Uint8Array, signed: boolean): void {
  if (!signed) return writeFileAtomicSync(file, bytes);
  const tmp = `${file}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The newest signed report of an audit revision whose file is still in DATA/reports. */
export function signedReportOf(db: Db, reportsDir: string, auditId: string, revision: number): (ReportFileRow & { file: string }) | null {
  const rows = db.prepare(`SELECT name, audit_id AS auditId, revision, sha256, size FROM report_files
    WHERE audit_id = ? AND revision = ? AND signed = 1 ORDER BY created_at DESC, rowid DESC`).all(auditId, revision) as ReportFileRow[];
  for (const r of rows) {
    const file = join(reportsDir, r.name);
    if (existsSync(file)) return { ...r, file };
  }
  return null;
}
