// The PostgreSQL engine. Reads go straight to the server; every write runs
// in one server transaction holding the apply lock, re-reads what it
// depends on there, and writes by key (ON CONFLICT), so importers on
// several machines neither lose nor duplicate a bundle: the second to apply
// the same bundle finds it imported and changes nothing. The checks and the
// merge are the SQLite engine's own, run on a scratch copy (scratch.ts).
import type pg from 'pg';
import type { Db } from '../../store/db';
import { write } from '../../store/write';
import type { Enrolment } from '../../bundle/verify';
import { fingerprintOf, normalizeFingerprint } from '../../bundle/signature';
import { auditorOf, enrolAuditor, parsePublicKey, revokeAuditor, type AuditorRow } from '../enrol';
import { missingDependency } from '../merge';
import { checkOwners } from '../owners';
import { AUDITS_SQL, auditsOf } from './audits-query';
import { migratePg, pgSchemaVersion } from './pg-migrate';
import { APPLY_LOCK, inTx, numbered, openPool, redactUrl, row, rows, unreachable } from './pg-sql';
import { insertRows, loadFor, loadInto, readsFor, scratch, upsert, withScratch, writeBack } from './scratch';
import { applyIn, checkAgainst, HELD_SQL, heldOf, HOLD_SQL, holdParams, LIST_HELD_SQL } from './sqlite-store';
import type { BundleRow, HqStore } from './types';
import { changeStatement, logChange } from './pg-migration-004';
import { pgHandOver } from './pg-handover';
import { pruneChangeLog } from './change-log';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

export interface PgStore extends HqStore {
  readonly pool: pg.Pool;
}

const BUNDLE = 'SELECT bundle_id, state, held_reason, manifest_hash, held_file FROM bundles';

/**
 * The audits whose rows an apply may have written: every audit the scratch
 * holds a row of after the merge (what was loaded is a superset of what was
 * written back), and the audits a follow-up links to (their detail lists it).
 */
function touchedAudits(db: Db, ids: string[], chains: string[]): string[] {
  const out = new Set([...ids, ...chains]);
  for (const t of ['audits', 'audit_owners', 'hq_audit', 'hq_fact', 'hq_action_closure', 'hq_finding_closure', 'action_events', 'hq_follow_up']) {
    for (const r of db.prepare(`SELECT DISTINCT audit_id FROM ${t}`).all() as Array<{ audit_id: string }>) out.add(r.audit_id);
  }
  for (const r of db.prepare('SELECT follow_up_of FROM hq_follow_up').all() as Array<{ follow_up_of: string }>) out.add(r.follow_up_of);
  return [...out].sort();
}

/** Opens the server's HQ schema, migrating it; `create` (hq init) makes it in an empty database. */
export async function openPgStore(url: string, opts: { create?: boolean } = {}): Promise<PgStore> {
  const pool = openPool(url);
  const where = redactUrl(url);
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => {});
    throw unreachable(url, e);
  }
  try {
    if (!opts.create && (await pgSchemaVersion(pool)) === 0) {
      throw refusal('not_found', msg('pg.noHq', { address: where }));
    }
    await migratePg(pool, url);
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }

  /** One auditor row through the SQLite engine's own rules, in the apply lock. */
  const onAuditor = (fp: string, fn: (db: Db) => ReturnType<typeof enrolAuditor>) => withScratch(() => inTx(pool, async (c) => {
    const db = scratch();
    insertRows(db, 'auditors', await rows(c, 'SELECT * FROM auditors WHERE fingerprint = ?', [fp]));
    const out = write({ db }, () => fn(db));
    await upsert(c, 'auditors', db.prepare('SELECT * FROM auditors').all() as Array<Record<string, unknown>>, 'replace');
    await logChange(c, { kind: 'auditor' });
    return out;
  }, { lock: APPLY_LOCK }));

  return {
    engine: 'postgres',
    where,
    pool,
    bundleByHash: (hash) => row<BundleRow>(pool, `${BUNDLE} WHERE content_hash = ?`, [hash]),
    bundleById: (id) => row<BundleRow>(pool, `${BUNDLE} WHERE bundle_id = ?`, [id]),
    heldBaseOf: async (id) => (await row<{ base_bundle_id: string | null }>(pool, "SELECT base_bundle_id FROM bundles WHERE bundle_id = ? AND state = 'held'", [id]))?.base_bundle_id ?? null,
    async enrolments() {
      const all = new Map((await rows<AuditorRow>(pool, 'SELECT * FROM auditors')).map((r) => [r.fingerprint, r]));
      return (fp: string): Enrolment | null => {
        const r = all.get(fp);
        return r ? { state: r.revoked_at ? 'revoked' : 'enrolled', auditorId: r.auditor_id, name: r.name } : null;
      };
    },
    // One consistent snapshot, read only, in one round trip (a read-only transaction sent whole): nothing is written before the apply.
    check: (v) => {
      const reads = readsFor(v, { apply: false });
      return withScratch(() => inTx(pool, async (_c, tx) => {
        const db = scratch();
        loadInto(db, reads, tx.first);
        return checkAgainst(db, v);
      }, { readOnly: true, first: reads.statements, onlyFirst: true }));
    },
    hold: (h) => withScratch(() => inTx(pool, async (c) => {
      const db = scratch();
      // Under the lock no apply is half done: a base committed before it is seen here, one after it releases this bundle.
      await loadFor(c, db, h.v, { apply: false });
      if (!missingDependency(db, h.v)) return false;
      await c.query(numbered(`${HOLD_SQL} ON CONFLICT (bundle_id) DO NOTHING`), holdParams(h));
      await logChange(c, { kind: 'held', bundleId: h.v.manifest.bundleId });
      return true;
    }, { lock: APPLY_LOCK })),
    // Two round trips: BEGIN with the lock and what the merge reads; the writes and the change log with the COMMIT.
    apply: (v, passed, now) => {
      const reads = readsFor(v, { apply: true });
      return withScratch(() => inTx(pool, async (_c, tx) => {
        const db = scratch();
        const loaded = loadInto(db, reads, tx.first);
        if ((db.prepare('SELECT state FROM bundles WHERE bundle_id = ?').get(v.manifest.bundleId) as { state: string } | undefined)?.state === 'imported') return null;
        // What another importer may have committed since the check: an owner for an audit that had none. (Dependencies
        // and the events the records were checked against are rows keyed by content: once there, they stay as they are.)
        checkOwners(db, v);
        const applied = write({ db }, () => applyIn(db, v, passed, now));
        tx.atCommit.push(...writeBack(db, v, loaded),
          changeStatement({ kind: 'applied', bundleId: v.manifest.bundleId, auditIds: touchedAudits(db, loaded.ids, loaded.chains), shas: v.manifest.files.map((f) => f.sha256) }));
        return applied;
      }, { lock: APPLY_LOCK, first: reads.statements }));
    },
    heldBundles: () => rows<BundleRow>(pool, HELD_SQL),
    listHeld: async () => (await rows<Record<string, string | null>>(pool, LIST_HELD_SQL)).map(heldOf),
    listAuditors: async () => (await rows<AuditorRow>(pool, 'SELECT * FROM auditors ORDER BY name, fingerprint')).map(auditorOf),
    enrol: (input) => onAuditor(fingerprintOf(parsePublicKey(input.publicKey)), (db) => enrolAuditor(db, input)),
    revoke: (fp) => onAuditor(normalizeFingerprint(fp), (db) => revokeAuditor(db, fp)),
    handOver: (input) => pgHandOver(pool, input),
    audits: async () => auditsOf(await rows(pool, AUDITS_SQL)),
    // The server's autovacuum daemon keeps its statistics (ANALYZE) as tables grow; the change log is pruned here
    // (change-log.ts), never failing the import that triggered it: the next batch tries again.
    optimize: async () => { await pruneChangeLog(pool).catch(() => {}); },
    close: () => pool.end(),
  };
}
