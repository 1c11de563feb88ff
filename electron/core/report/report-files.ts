// The record of report files in DATA/reports (table report_files): which
// audit and revision each belongs to and the hash of its bytes, so an audit's
// signed report is found by its record, not by a name.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../store/db';
import { sha256Stream } from '../sha256';

export interface ReportFileRow {
  name: string;
  auditId: string;
  revision: number;
  sha256: string;
  size: number;
}

export function recordReportFile(db: Db, r: { name: string; auditId: string; revision: number; signed: boolean; sha256: string; size: number }): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO report_files (name, audit_id, revision, signed, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET audit_id = excluded.audit_id, revision = excluded.revision, signed = excluded.signed,
        sha256 = excluded.sha256, size = excluded.size, created_at = excluded.created_at`)
      .run(r.name, r.auditId, r.revision, r.signed ? 1 : 0, r.sha256, r.size, new Date().toISOString());
  }).immediate();
}

/** SHA-256 and size of a file, read in 1 MB pieces. */
export function hashFile(file: string): { sha256: string; size: number } {
  const hash = sha256Stream();
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  let size = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      hash.update(buf.subarray(0, n));
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Puts a finished report (written and flushed at `tmp`) in place. A signed
 * one is linked into place only if the name is free (link fails on an
 * existing name), so no signed report is ever replaced, even by another
 * process racing for the same name; a draft replaces the old draft.
 */
export function placeReportFile(tmp: string, file: string, signed: boolean): void {
  try {
    if (signed) linkSync(tmp, file);
    else renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  // Windows cannot open a folder to flush it; NTFS journals the rename.
  if (process.platform !== 'win32') {
    const fd = openSync(dirname(file), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
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
