// The outbox rows: every bundle made on this laptop, its upload state, and
// what it carried (so later bundles can leave out what HQ already has).
import type { Db } from '../store/db';
import { stmt } from '../store/stmt';
import type { WrittenBundle } from '../bundle/zip-writer';
import type { SentState } from '../bundle/collect';
import { write } from '../store/write';

export type OutboxState = 'pending' | 'uploading' | 'sent' | 'failed';

export interface OutboxItem {
  bundleId: string;
  sequence: number;
  baseBundleId: string | null;
  createdAt: string;
  path: string;
  contentHash: string;
  size: number;
  encrypted: boolean;
  auditCount: number;
  /** Action events recorded after finalize that the bundle carries, and for how many audits. */
  actionUpdates: number;
  actionAudits: number;
  state: OutboxState;
  progress: number;
  error: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  ackedAt: string | null;
}

type Row = Record<string, unknown>;

function fromRow(r: Row): OutboxItem {
  return {
    bundleId: r.bundle_id as string, sequence: r.sequence as number, baseBundleId: (r.base_bundle_id ?? null) as string | null,
    createdAt: r.created_at as string, path: r.path as string, contentHash: r.content_hash as string, size: r.size as number,
    encrypted: r.encrypted === 1, auditCount: r.audit_count as number,
    actionUpdates: (r.action_updates ?? 0) as number, actionAudits: (r.action_audits ?? 0) as number, state: r.state as OutboxState, progress: r.progress as number,
    error: (r.error ?? null) as string | null, attempts: r.attempts as number, nextAttemptAt: (r.next_attempt_at ?? null) as string | null,
    sentAt: (r.sent_at ?? null) as string | null, ackedAt: (r.acked_at ?? null) as string | null,
  };
}

export function nextSequence(db: Db): number {
  const r = db.prepare('SELECT max(sequence) AS m FROM bundles_out').get() as { m: number | null };
  return (r.m ?? 0) + 1;
}

export function lastAcked(db: Db): OutboxItem | null {
  const r = db.prepare('SELECT * FROM bundles_out WHERE acked_at IS NOT NULL ORDER BY sequence DESC LIMIT 1').get() as Row | undefined;
  return r ? fromRow(r) : null;
}

export const SENT_FILES_SQL = `SELECT DISTINCT c.value AS sha256 FROM json_each(?) c WHERE EXISTS
    (SELECT 1 FROM bundle_out_files f JOIN bundles_out b ON b.bundle_id = f.bundle_id WHERE f.sha256 = c.value AND b.acked_at IS NOT NULL)`;

export const SENT_STATES_SQL = `SELECT audit_id, head_hash, event_count FROM (SELECT a.audit_id, a.head_hash, a.event_count,
    row_number() OVER (PARTITION BY a.audit_id ORDER BY a.event_count DESC, b.sequence DESC) AS n
    FROM bundle_out_audits a JOIN bundles_out b ON b.bundle_id = a.bundle_id WHERE b.acked_at IS NOT NULL) WHERE n = 1`;

/** sentState of every audit HQ has, in one pass (an incremental bundle looks at all of them). */
export function sentStates(db: Db): Map<string, SentState> {
  const rows = stmt(db, SENT_STATES_SQL).all() as Array<{ audit_id: string; head_hash: string; event_count: number }>;
  return new Map(rows.map((r) => [r.audit_id, { headHash: r.head_hash, eventCount: r.event_count }]));
}

export const SENT_ACTION_STATES_SQL = `SELECT audit_id, head_hash, event_count FROM (SELECT c.audit_id, c.head_hash, c.event_count,
    row_number() OVER (PARTITION BY c.audit_id ORDER BY c.event_count DESC, b.sequence DESC) AS n
    FROM bundle_out_action_chains c JOIN bundles_out b ON b.bundle_id = c.bundle_id WHERE b.acked_at IS NOT NULL) WHERE n = 1`;

/** How much of each audit's action chain HQ has acknowledged, in one pass. */
export function sentActionStates(db: Db): Map<string, SentState> {
  const rows = stmt(db, SENT_ACTION_STATES_SQL).all() as Array<{ audit_id: string; head_hash: string; event_count: number }>;
  return new Map(rows.map((r) => [r.audit_id, { headHash: r.head_hash, eventCount: r.event_count }]));
}

/**
 * Of these photo and report hashes, the ones acknowledged bundles carried:
 * HQ has them. One statement over the candidates, each an index lookup
 * (bundle_out_files_sha), however many files were sent over the years.
 */
export function sentFiles(db: Db, candidates: Iterable<string>): Set<string> {
  const list = [...candidates];
  if (!list.length) return new Set();
  const rows = stmt(db, SENT_FILES_SQL).all(JSON.stringify(list)) as Array<{ sha256: string }>;
  return new Set(rows.map((r) => r.sha256));
}

export function recordBundle(db: Db, w: WrittenBundle, meta: { bundleId: string; sequence: number; createdAt: string; baseBundleId: string | null; photos: string[] }): void {
  write({ db }, () => {
    db.prepare(`INSERT INTO bundles_out (bundle_id, sequence, base_bundle_id, created_at, path, content_hash, size, encrypted, audit_count, state)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`).run(meta.bundleId, meta.sequence, meta.baseBundleId, meta.createdAt, w.path,
      w.contentHash, w.size, w.encrypted ? 1 : 0, w.manifest.audits.length);
    const a = db.prepare('INSERT INTO bundle_out_audits (bundle_id, audit_id, head_hash, event_count) VALUES (?, ?, ?, ?)');
    for (const m of w.manifest.audits) a.run(meta.bundleId, m.id, m.headHash, m.eventCount);
    const c = db.prepare('INSERT INTO bundle_out_action_chains (bundle_id, audit_id, head_hash, event_count) VALUES (?, ?, ?, ?)');
    for (const m of w.manifest.actionChains ?? []) c.run(meta.bundleId, m.auditId, m.headHash, m.eventCount);
    const f = db.prepare('INSERT INTO bundle_out_files (bundle_id, sha256) VALUES (?, ?)');
    for (const sha of meta.photos) f.run(meta.bundleId, sha);
  });
}

/**
 * A bundle's row with what it carried of the action chains. The rows keep each
 * chain's length, not where the bundle started it: an incremental bundle started
 * after the longest chain acknowledged before it was made (what export read), a
 * full bundle from the first event.
 */
const OUTBOX_SQL = `SELECT b.*,
    (SELECT count(*) FROM bundle_out_action_chains c WHERE c.bundle_id = b.bundle_id) AS action_audits,
    (SELECT coalesce(sum(c.event_count - CASE WHEN b.base_bundle_id IS NULL THEN 0 ELSE coalesce((SELECT max(p.event_count)
        FROM bundle_out_action_chains p JOIN bundles_out pb ON pb.bundle_id = p.bundle_id
        WHERE p.audit_id = c.audit_id AND pb.sequence < b.sequence AND pb.acked_at <= b.created_at), 0) END), 0)
      FROM bundle_out_action_chains c WHERE c.bundle_id = b.bundle_id) AS action_updates
  FROM bundles_out b`;

export function listOutbox(db: Db): OutboxItem[] {
  return (db.prepare(`${OUTBOX_SQL} ORDER BY b.sequence DESC`).all() as Row[]).map(fromRow);
}

export function getOutboxItem(db: Db, bundleId: string): OutboxItem | null {
  const r = db.prepare(`${OUTBOX_SQL} WHERE b.bundle_id = ?`).get(bundleId) as Row | undefined;
  return r ? fromRow(r) : null;
}

/** HQ has it (upload confirmed, or the user delivered it by hand). */
export function markAcked(db: Db, bundleId: string, at = new Date().toISOString()): void {
  write({ db }, () => {
    db.prepare('UPDATE bundles_out SET acked_at = coalesce(acked_at, ?) WHERE bundle_id = ?').run(at, bundleId);
    db.prepare(`UPDATE audits SET sent_at = ? WHERE id IN (SELECT audit_id FROM bundle_out_audits WHERE bundle_id = ?)`).run(at, bundleId);
  });
}

export function setUploadState(db: Db, bundleId: string, s: { state: OutboxState; progress?: number; error?: string | null; attempts?: number; nextAttemptAt?: string | null; sentAt?: string | null }): void {
  db.prepare(`UPDATE bundles_out SET state = @state, progress = coalesce(@progress, progress), error = @error,
    attempts = coalesce(@attempts, attempts), next_attempt_at = @nextAttemptAt, sent_at = coalesce(@sentAt, sent_at) WHERE bundle_id = @bundleId`)
    .run({ bundleId, state: s.state, progress: s.progress ?? null, error: s.error ?? null, attempts: s.attempts ?? null, nextAttemptAt: s.nextAttemptAt ?? null, sentAt: s.sentAt ?? null });
}
