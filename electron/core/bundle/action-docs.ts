// An audit's action chain inside a bundle (`actions/<audit id>.json`): the
// events recorded after finalize (status updates, closure evidence), from
// the first one HQ has not acknowledged. The events are the laptop's
// action_events rows as they are; HQ recomputes every hash and link under
// the action chain's own tag, so an event cannot be moved between chains.
import { z } from 'zod';
import type { Core } from '../core';
import { stmt } from '../store/stmt';
import { GENESIS } from '../store/events';
import { actionChainHead, actionEventHash, listActionEvents, type ActionEventRow } from '../followup/chain';
import { BundleEvent } from './content';
import { reject } from './rejection';
import { msg } from '../../../shared/messages';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const ActionChainDoc = z.strictObject({
  kind: z.literal('fairsite-action-chain'),
  version: z.literal(1),
  auditId: z.string().max(64),
  /** Sequence of the first event carried; earlier ones went in earlier bundles. */
  fromSeq: z.number().int().min(1),
  prevHash: Hex64,
  items: z.array(BundleEvent).min(1).max(1_000_000),
});
export type ActionChainDoc = z.infer<typeof ActionChainDoc>;

export interface ActionSentState {
  headHash: string;
  eventCount: number;
}

export const actionsPath = (auditId: string): string => `actions/${auditId}.json`;

export const actionHeadOf = (doc: ActionChainDoc): string => doc.items.at(-1)!.hash;
export const actionCountOf = (doc: ActionChainDoc): number => doc.fromSeq - 1 + doc.items.length;

/** Where an incremental action chain starts; null when HQ has it whole (or there is none). */
export function actionsChangedSince(core: Core, auditId: string, sent: ActionSentState | null): { fromSeq: number; prevHash: string } | null {
  const head = actionChainHead(core.db, auditId);
  if (!head) return null;
  if (!sent) return { fromSeq: 1, prevHash: GENESIS };
  const at = stmt(core.db, 'SELECT hash FROM action_events WHERE audit_id = ? AND seq = ?').get(auditId, sent.eventCount) as { hash: string } | undefined;
  // A chain that no longer starts with what was sent cannot be incremental (it never happens: the table is append-only).
  if (at?.hash !== sent.headHash) return { fromSeq: 1, prevHash: GENESIS };
  if (head.seq === sent.eventCount) return null;
  return { fromSeq: sent.eventCount + 1, prevHash: sent.headHash };
}

/** The closure evidence files named by the events an incremental chain would carry (all of them for a full one). */
export function closureFilesSince(core: Core, auditId: string, sent: ActionSentState | null): string[] {
  const start = actionsChangedSince(core, auditId, sent);
  if (!start) return [];
  const rows = stmt(core.db, `SELECT DISTINCT json_extract(new, '$.sha256') AS sha256 FROM action_events
    WHERE audit_id = ? AND seq >= ? AND entity = 'closure_evidence' AND action = 'create'`).all(auditId, start.fromSeq) as Array<{ sha256: string }>;
  return rows.map((r) => r.sha256);
}

/** The document, or null when nothing was recorded since `sent`. */
export function collectActionDoc(core: Core, auditId: string, sent: ActionSentState | null): ActionChainDoc | null {
  const start = actionsChangedSince(core, auditId, sent);
  if (!start) return null;
  const items = listActionEvents(core.db, auditId, start.fromSeq).map((r) => ({
    seq: r.seq, id: r.id, at: r.at, actor: r.actor, entity: r.entity, entityId: r.entity_id, action: r.action,
    old: r.old, new: r.new, prevHash: r.prev_hash, hash: r.hash,
  }));
  if (!items.length) return null;
  return { kind: 'fairsite-action-chain', version: 1, auditId, fromSeq: start.fromSeq, prevHash: start.prevHash, items };
}

/**
 * The closure evidence files a chain's records name (sha256 and size), read
 * leniently: a record that does not parse names no file here, and is refused
 * with its reason when HQ checks the chain's events (hq/actions-import.ts).
 */
export function evidenceFilesOf(doc: ActionChainDoc): Array<{ sha256: string; size: number }> {
  const out = new Map<string, number>();
  for (const e of doc.items) {
    if (e.entity !== 'closure_evidence' || e.action !== 'create' || !e.new) continue;
    let body: unknown;
    try {
      body = JSON.parse(e.new);
    } catch {
      continue;
    }
    const r = EvidenceFile.safeParse(body);
    if (r.success && !out.has(r.data.sha256)) out.set(r.data.sha256, r.data.size);
  }
  return [...out].map(([sha256, size]) => ({ sha256, size }));
}

const EvidenceFile = z.object({ sha256: Hex64, size: z.number().int().min(0) });

export function actionRowOf(auditId: string, e: BundleEvent): ActionEventRow {
  return {
    audit_id: auditId, seq: e.seq, id: e.id, at: e.at, actor: e.actor, entity: e.entity, entity_id: e.entityId,
    action: e.action, old: e.old, new: e.new, prev_hash: e.prevHash, hash: e.hash,
  };
}

/** Parses one action-chain document and checks the chain it carries is internally whole. */
export function parseActionDoc(path: string, bytes: Buffer): ActionChainDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return reject('bad_content', msg('bundle.docNotJson', { file: path }));
  }
  const parsed = ActionChainDoc.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject('bad_content', msg('bundle.chainInvalidAt', { file: path, where: issue?.path.map(String).join('.') || '(root)', error: issue?.message ?? 'invalid' }));
  }
  const doc = parsed.data;
  if (actionsPath(doc.auditId) !== path) reject('bad_content', msg('bundle.chainMisnamed', { file: path, audit: doc.auditId }));
  if (doc.fromSeq === 1 && doc.prevHash !== GENESIS) reject('bad_content', msg('bundle.actionChainStart', { file: path }));
  let prev = doc.prevHash;
  let seq = doc.fromSeq;
  for (const e of doc.items) {
    if (e.seq !== seq) reject('bad_content', msg('bundle.actionMissing', { file: path, seq }));
    if (e.prevHash !== prev) reject('bad_content', msg('bundle.actionOrder', { file: path, seq: e.seq }));
    if (actionEventHash(actionRowOf(doc.auditId, e)) !== e.hash) reject('bad_content', msg('bundle.actionChanged', { file: path, seq: e.seq }));
    prev = e.hash;
    seq++;
  }
  return doc;
}
