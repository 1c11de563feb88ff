// HQ on a real PostgreSQL for tests: a folder for its files, the server's
// database for its rows, laptops enrolled; and HQ's state read with the
// same queries on either engine, to compare the two.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { cpSync } from 'node:fs';
import type { HqFolder } from '../../../electron/core/hq/context';
import { openHqFolder, pgStoreOf } from '../../../electron/core/hq/engine/open';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { getProfile } from '../../../electron/core/store/repos/profile';
import { exportBundle } from '../../../electron/core/bundle/export';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { openCore, type Core } from '../../../electron/core/core';
import { changeOneAnswer, makeLaptop, type Laptop } from '../bundle/laptop';

export const HQ_PASSPHRASE = 'hq-test-passphrase';

export async function makePgHq(root: string, url: string): Promise<HqFolder> {
  return openHqFolder(mkdtempSync(join(root, 'fs-pghq-')), passphraseBox(HQ_PASSPHRASE), { db: url, create: true });
}

export function enrolInput(core: Core): { publicKey: string; auditorId: string; name: string } {
  const p = getProfile(core.db)!;
  return { publicKey: loadSigningKey(core).publicKey.export({ format: 'pem', type: 'spki' }).toString(), auditorId: p.auditorId, name: p.name };
}

/** The same queries on either engine: SQLite's prepared statements or the server. */
export type Query = (sql: string) => Promise<unknown[]>;

export function queryOf(hq: HqFolder & { db?: { prepare(s: string): { all(): unknown[] } } }): Query {
  const pg = pgStoreOf(hq);
  if (pg) return async (sql) => (await pg.pool.query(sql)).rows;
  return async (sql) => hq.db!.prepare(sql).all();
}

/** Everything but timestamps (as test/integration/bundle/hq.ts compares SQLite HQs). */
export async function stateOf(q: Query): Promise<unknown> {
  return {
    bundles: await q('SELECT bundle_id, content_hash, manifest_hash, fingerprint, sequence, base_bundle_id, state FROM bundles ORDER BY bundle_id'),
    versions: await q('SELECT audit_id, head_hash, event_count, revision, status, fingerprint, bundle_id, doc FROM audit_versions ORDER BY audit_id, head_hash'),
    events: await q('SELECT audit_id, seq, hash, prev_hash, body FROM events ORDER BY audit_id, hash'),
    audits: await q('SELECT * FROM audits ORDER BY audit_id'),
    photos: await q('SELECT * FROM photos ORDER BY sha256'),
    reports: await q('SELECT sha256, size, audit_id FROM reports ORDER BY sha256'),
    owners: await q('SELECT audit_id, fingerprint FROM audit_owners ORDER BY audit_id'),
    readModel: ((await q('SELECT * FROM hq_audit ORDER BY audit_id')) as Array<Record<string, unknown>>).map(({ projected_at: _p, ...r }) => r),
    readRows: await Promise.all(['hq_answer', 'hq_finding', 'hq_action', 'hq_audit_client', 'hq_signature'].map((t) => q(`SELECT * FROM ${t} ORDER BY 1, 2`))),
  };
}

/** What HQ 4 and 5 (PG 3) add: the facts, the action chains as received and folded, the follow-up links. */
export async function cycleStateOf(q: Query): Promise<Record<string, unknown[]>> {
  return {
    facts: await q('SELECT * FROM hq_fact ORDER BY audit_id, entity, fact_id'),
    actionEvents: await q('SELECT * FROM action_events ORDER BY audit_id, seq'),
    history: await q('SELECT * FROM hq_action_history ORDER BY audit_id, seq'),
    evidence: await q('SELECT * FROM hq_closure_evidence ORDER BY audit_id, seq'),
    closure: await q('SELECT * FROM hq_action_closure ORDER BY audit_id, action_id'),
    findingClosure: await q('SELECT * FROM hq_finding_closure ORDER BY audit_id, finding_id'),
    followUps: await q('SELECT * FROM hq_follow_up ORDER BY audit_id'),
  };
}

export interface BundleSet {
  a: Laptop;
  b: Laptop;
  twin: Core;
  /** a1 full, a2 and a3 incremental on it, twin diverging from a1, b1 another auditor's. */
  files: Record<'a1' | 'a2' | 'a3' | 'twin' | 'b1', string>;
  close(): void;
}

/** Bundles made by the real export code, as the HQ property tests make them. */
export async function makeBundleSet(root: string): Promise<BundleSet> {
  const a = await makeLaptop('Asha Rao', 'AUD-001', root);
  const b = await makeLaptop('Ben Okafor', 'AUD-002', root);
  const out = (n: string) => join(root, `${n}.fsb`);
  const b1 = await exportBundle(a.core, { out: out('a1') });
  markAcked(a.core.db, b1.bundleId);
  a.core.db.pragma('wal_checkpoint(TRUNCATE)');
  cpSync(a.dir, join(root, 'twin'), { recursive: true });
  const twin = await openCore({ dataDir: join(root, 'twin'), secretBox: passphraseBox('laptop-test-passphrase') });
  changeOneAnswer(a.core, 'second answer');
  markAcked(a.core.db, (await exportBundle(a.core, { out: out('a2') })).bundleId);
  changeOneAnswer(a.core, 'third answer');
  await exportBundle(a.core, { out: out('a3') });
  changeOneAnswer(twin, 'the copy went another way');
  await exportBundle(twin, { out: out('twin') });
  await exportBundle(b.core, { out: out('b1') });
  return {
    a, b, twin,
    files: { a1: out('a1'), a2: out('a2'), a3: out('a3'), twin: out('twin'), b1: out('b1') },
    close() { twin.close(); a.core.close(); b.core.close(); },
  };
}
