// The embedded engine: HQ's SQLite file, read and written synchronously by
// the same functions as before the engine seam (owners.ts, merge.ts,
// records-check.ts, report-check.ts, read/project.ts); one IMMEDIATE
// transaction per bundle. Its methods are async only to fit the interface.
import type { Db } from '../../store/db';
import { write } from '../../store/write';
import type { VerifiedBundle } from '../../bundle/verify';
import { enrolAuditor, enrolmentOf, listAuditors, revokeAuditor } from '../enrol';
import { applyBundle, missingDependency } from '../merge';
import { checkOwners, claimAudits, handOver } from '../owners';
import { checkRecords } from '../records-check';
import { checkReports } from '../report-check';
import { projectAudit } from '../read/project';
import { AUDITS_SQL, auditsOf } from './audits-query';
import { applyCycle, checkCycle } from '../actions-import';
import { optimizeAfterImport } from '../read/facts';
import type { Applied, BundleRow, Checked, HeldBundle, HeldInput, HqStore, Passed } from './types';

/** The checks that read HQ's data, in their order; shared with the PostgreSQL engine, which runs them on a scratch copy. */
export function checkAgainst(db: Db, v: VerifiedBundle): Checked {
  checkOwners(db, v);
  const waiting = missingDependency(db, v);
  if (waiting) return { waiting };
  for (const doc of v.audits) checkRecords(db, doc);
  return { reports: checkReports(db, v), cycle: checkCycle(db, v) };
}

/** Inside the caller's transaction: the audits' owners, the bundle's rows, the read model, the action chains. */
export function applyIn(db: Db, v: VerifiedBundle, passed: Passed, now: string): Applied {
  claimAudits(db, v, now);
  const audits = applyBundle(db, v, v.manifestText, now, passed.reports);
  // The read model changes with the data, in the same transaction.
  for (const id of audits) projectAudit(db, id, now);
  applyCycle(db, v, passed.cycle);
  const conflicts = audits.filter((id) => (db.prepare('SELECT conflict FROM audits WHERE audit_id = ?').get(id) as { conflict: number }).conflict === 1);
  return { audits, conflicts };
}

export const HOLD_SQL = `INSERT INTO bundles (bundle_id, content_hash, manifest_hash, fingerprint, auditor_id, sequence, base_bundle_id, created_at, state, held_reason, held_file, received_at, manifest)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'held', ?, ?, ?, ?)`;

export const holdParams = (h: HeldInput): unknown[] => [h.v.manifest.bundleId, h.v.contentHash, h.manifestHash, h.v.signer.fingerprint, h.v.signer.auditorId,
  h.v.manifest.sequence, h.v.manifest.baseBundleId, h.v.manifest.createdAt, h.reason, h.file, h.now, h.v.manifestText];

export const HELD_SQL = "SELECT bundle_id, state, held_reason, manifest_hash, held_file FROM bundles WHERE state = 'held' ORDER BY sequence, bundle_id";
export const LIST_HELD_SQL = "SELECT bundle_id, auditor_id, held_reason, received_at FROM bundles WHERE state = 'held' ORDER BY received_at";
export const heldOf = (r: Record<string, string | null>): HeldBundle => ({ bundleId: r.bundle_id!, auditorId: r.auditor_id!, reason: r.held_reason ?? '', receivedAt: r.received_at! });

export function sqliteStore(db: Db, file: string): HqStore {
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T | undefined;
  return {
    engine: 'sqlite',
    where: file,
    bundleByHash: async (hash) => one<BundleRow>('SELECT * FROM bundles WHERE content_hash = ?', hash),
    bundleById: async (id) => one<BundleRow>('SELECT * FROM bundles WHERE bundle_id = ?', id),
    heldBaseOf: async (id) => one<{ base_bundle_id: string | null }>("SELECT base_bundle_id FROM bundles WHERE bundle_id = ? AND state = 'held'", id)?.base_bundle_id ?? null,
    // Read at the moment verification asks, as before.
    enrolments: async () => (fp) => enrolmentOf(db, fp),
    check: async (v) => checkAgainst(db, v),
    hold: async (h) => {
      db.prepare(HOLD_SQL).run(...holdParams(h));
      return true;
    },
    apply: async (v, passed, now) => write({ db }, () => applyIn(db, v, passed, now)),
    heldBundles: async () => db.prepare(HELD_SQL).all() as BundleRow[],
    listHeld: async () => (db.prepare(LIST_HELD_SQL).all() as Array<Record<string, string | null>>).map(heldOf),
    listAuditors: async () => listAuditors(db),
    enrol: async (input) => enrolAuditor(db, input),
    revoke: async (fp) => revokeAuditor(db, fp),
    handOver: async (input) => handOver(db, input),
    audits: async () => auditsOf(db.prepare(AUDITS_SQL).all() as Array<Record<string, unknown>>),
    optimize: async () => optimizeAfterImport(db),
    close: async () => { if (db.open) db.close(); },
  };
}
