// A real headquarters for tests: its own data folder and hq.db, and helpers
// to snapshot every byte it holds (outside staging) before and after.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { openHq, type Hq } from '../../../electron/core/hq/context';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { enrolAuditor } from '../../../electron/core/hq/enrol';
import type { Core } from '../../../electron/core/core';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { getProfile } from '../../../electron/core/store/repos/profile';

export async function makeHq(root?: string): Promise<Hq> {
  return openHq(mkdtempSync(join(root ?? tmpdir(), 'fs-hq-')), passphraseBox('hq-test-passphrase'));
}

export function enrolLaptop(hq: Hq, core: Core): void {
  const p = getProfile(core.db)!;
  const key = loadSigningKey(core);
  enrolAuditor(hq.db, { publicKey: key.publicKey.export({ format: 'pem', type: 'spki' }).toString(), auditorId: p.auditorId, name: p.name });
}

/**
 * path -> sha256 of every file under dir, staging excepted (it must be empty
 * anyway), and SQLite's shared-memory index (`*-shm`) excepted: it is not
 * content but the connections' bookkeeping, and a read alone changes it (a
 * reader records there the last WAL frame it reads, its read mark). Every
 * committed write changes the database file or its `-wal`, which are compared.
 */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name.endsWith('-shm')) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** HQ state that must not depend on arrival order: everything but timestamps. */
export function hqState(hq: Hq): unknown {
  const q = (sql: string) => hq.db.prepare(sql).all();
  return {
    bundles: q("SELECT bundle_id, content_hash, manifest_hash, fingerprint, sequence, base_bundle_id, state FROM bundles ORDER BY bundle_id"),
    versions: q('SELECT audit_id, head_hash, event_count, revision, status, fingerprint, bundle_id, doc FROM audit_versions ORDER BY audit_id, head_hash'),
    events: q('SELECT audit_id, seq, hash, prev_hash, body FROM events ORDER BY audit_id, hash'),
    audits: q('SELECT * FROM audits ORDER BY audit_id'),
    photos: q('SELECT * FROM photos ORDER BY sha256'),
    // The read model too (when the version shown last changed aside).
    readModel: (q('SELECT * FROM hq_audit ORDER BY audit_id') as Array<Record<string, unknown>>).map(({ projected_at: _p, ...r }) => r),
    readRows: ['hq_answer', 'hq_finding', 'hq_action', 'hq_audit_client', 'hq_signature'].map((t) => q(`SELECT * FROM ${t} ORDER BY 1, 2`)),
  };
}
