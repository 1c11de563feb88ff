// HQ's import of the action chains a bundle carries (corrective actions after
// finalize), and of the link from a follow-up to the audit it follows. Held to
// the rigour of the audit's own chain: every hash and link was recomputed when
// the bundle was verified; here the chain must continue, event for event, what
// HQ holds, belong to the signer's finalized audit, and say only what an
// action chain can say (a status of one of that audit's actions, or evidence
// for one). Everything is checked before the import's transaction; a refusal
// writes nothing, and applying the same events again changes nothing.
import { z } from 'zod';
import type { Db } from '../store/db';
import { stmt } from '../store/stmt';
import { canonicalJson } from '../../../shared/canonical-json';
import { TrackStatus, EvidenceSource } from '../../../shared/domain/followup';
import { reject } from '../bundle/rejection';
import { msg } from '../../../shared/messages';
import type { VerifiedBundle } from '../bundle/verify';
import type { ActionChainDoc } from '../bundle/action-docs';
import type { BundleEvent } from '../bundle/content';
import { auditPath } from '../bundle/entry-names';
import { ownerOf } from './owners';

const StatusBody = z.object({
  status: TrackStatus,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().max(5000),
  verifiedBy: z.string().max(400),
  findingId: z.string().max(64).optional(),
  followUpId: z.string().max(64).optional(),
  verification: z.enum(['closed', 'partially_closed', 'not_closed']).optional(),
});

const EvidenceBody = z.object({
  id: z.string().max(64),
  actionId: z.string().max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().max(400),
  mediaType: z.string().max(200),
  size: z.number().int().min(0),
  source: EvidenceSource,
  receivedAt: z.string().max(40),
  description: z.string().max(5000),
});

type Status = z.infer<typeof StatusBody>;
type Evidence = z.infer<typeof EvidenceBody>;

/** One event to write, already checked. */
type Planned = { auditId: string; e: BundleEvent } & ({ kind: 'status'; body: Status; actionId: string } | { kind: 'evidence'; body: Evidence });

export interface CyclePlan {
  events: Planned[];
  followUps: Array<{ auditId: string; of: string; mode: string }>;
}

/** The actions of the audit as finalized: from this bundle, or from the finalized version HQ holds. */
function finalizedActions(db: Db, inBundle: Map<string, Set<string>>, auditId: string): Set<string> | null {
  const carried = inBundle.get(auditId);
  if (carried) return carried;
  const row = stmt(db, "SELECT doc FROM audit_versions WHERE audit_id = ? AND status = 'finalized' ORDER BY head_hash LIMIT 1").get(auditId) as { doc: string } | undefined;
  if (!row) return null;
  return new Set((JSON.parse(row.doc) as { actions: Array<{ id: string }> }).actions.map((a) => a.id));
}

/** Which event of which audit's action chain a refusal names. */
interface EventAt { seq: number; audit: string }

function parseBody<T>(schema: z.ZodType<T>, text: string | null, where: EventAt): T {
  let raw: unknown;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    return reject('bad_content', msg('hqCheck.eventNotJson', { ...where }));
  }
  const r = schema.safeParse(raw);
  if (!r.success) return reject('bad_content', msg('hqCheck.eventInvalid', { ...where, field: r.error.issues[0]?.path.join('.') || '(root)', error: r.error.issues[0]?.message ?? '' }));
  return r.data;
}

function checkChain(db: Db, v: VerifiedBundle, inBundle: Map<string, Set<string>>, c: ActionChainDoc): Planned[] {
  const owner = ownerOf(db, c.auditId) ?? (v.audits.summary(auditPath(c.auditId)) ? v.signer.fingerprint : null);
  if (owner && owner !== v.signer.fingerprint) {
    reject('foreign_audit', msg('hqCheck.foreignActions', { audit: c.auditId }));
  }
  const actions = finalizedActions(db, inBundle, c.auditId);
  if (!actions) reject('bad_content', msg('hqCheck.actionsNotFinalized', { audit: c.auditId }));
  const held = stmt(db, 'SELECT seq, hash FROM action_events WHERE audit_id = ? ORDER BY seq DESC LIMIT 1').get(c.auditId) as { seq: number; hash: string } | undefined;
  const heldCount = held?.seq ?? 0;
  if (c.fromSeq > heldCount + 1) {
    reject('bad_content', msg('hqCheck.actionsGap', { audit: c.auditId, from: c.fromSeq, held: heldCount }));
  }
  const heldAt = stmt(db, 'SELECT hash FROM action_events WHERE audit_id = ? AND seq = ?');
  if (c.fromSeq > 1 && (heldAt.get(c.auditId, c.fromSeq - 1) as { hash: string } | undefined)?.hash !== c.prevHash) {
    reject('bad_content', msg('hqCheck.actionsFork', { audit: c.auditId, seq: c.fromSeq - 1 }));
  }
  const out: Planned[] = [];
  for (const e of c.items) {
    const where: EventAt = { seq: e.seq, audit: c.auditId };
    if (e.seq <= heldCount) {
      // Already here: it must be the very same event, or the chain was rewritten.
      if ((heldAt.get(c.auditId, e.seq) as { hash: string }).hash !== e.hash) reject('bad_content', msg('hqCheck.eventRewritten', { ...where }));
      continue;
    }
    if (e.entity === 'action_track') {
      if (!actions!.has(e.entityId)) reject('bad_content', msg('hqCheck.eventNoAction', { ...where }));
      out.push({ auditId: c.auditId, e, kind: 'status', actionId: e.entityId, body: parseBody(StatusBody, e.new, where) });
    } else if (e.entity === 'closure_evidence' && e.action === 'create') {
      const body = parseBody(EvidenceBody, e.new, where);
      if (body.id !== e.entityId || !actions!.has(body.actionId)) reject('bad_content', msg('hqCheck.eventEvidenceNoAction', { ...where }));
      out.push({ auditId: c.auditId, e, kind: 'evidence', body });
    } else {
      reject('bad_content', msg('hqCheck.eventKind', { ...where, entity: e.entity.slice(0, 40), action: e.action.slice(0, 40) }));
    }
  }
  return out;
}

/** Before the import's transaction; throws BundleRejected. */
export function checkCycle(db: Db, v: VerifiedBundle): CyclePlan {
  // One pass over the documents (a large bundle's are read back from staging one at a time).
  const chained = new Set(v.actionChains.map((c) => c.auditId));
  const inBundle = new Map<string, Set<string>>();
  const followUps: CyclePlan['followUps'] = [];
  for (const doc of v.audits) {
    if (doc.audit.kind === 'follow_up' && doc.audit.followUpOf) followUps.push({ auditId: doc.audit.id, of: doc.audit.followUpOf, mode: doc.audit.followUpMode });
    if (chained.has(doc.audit.id) && doc.audit.status === 'finalized') inBundle.set(doc.audit.id, new Set(doc.actions.map((a) => a.id)));
  }
  const events = v.actionChains.flatMap((c) => checkChain(db, v, inBundle, c));
  return { events, followUps };
}

/** Inside the import's transaction. Keyed by (audit, sequence): the same events again change nothing. */
export function applyCycle(db: Db, v: VerifiedBundle, plan: CyclePlan): void {
  const ins = stmt(db, 'INSERT OR IGNORE INTO action_events (audit_id, seq, hash, prev_hash, body, bundle_id) VALUES (?, ?, ?, ?, ?, ?)');
  const status = stmt(db, `INSERT OR IGNORE INTO hq_action_history (audit_id, seq, action_id, status, status_date, note, verified_by, follow_up_id, verification, at, actor)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const evidence = stmt(db, `INSERT OR IGNORE INTO hq_closure_evidence (audit_id, seq, evidence_id, action_id, name, media_type, size, sha256, source, received_at, description)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const p of plan.events) {
    const { e } = p;
    ins.run(p.auditId, e.seq, e.hash, e.prevHash, canonicalJson(e), v.manifest.bundleId);
    if (p.kind === 'status') {
      const b = p.body;
      status.run(p.auditId, e.seq, p.actionId, b.status, b.date, b.note, b.verifiedBy, b.followUpId ?? null, b.verification ?? '', e.at, e.actor);
    } else {
      const b = p.body;
      evidence.run(p.auditId, e.seq, b.id, b.actionId, b.name, b.mediaType, b.size, b.sha256, b.source, b.receivedAt, b.description);
    }
  }
  refold(db, plan);
  const link = stmt(db, 'INSERT OR IGNORE INTO hq_follow_up (audit_id, follow_up_of, mode) VALUES (?, ?, ?)');
  for (const f of plan.followUps) link.run(f.auditId, f.of, f.mode);
}

/** Each touched action's row in hq_action_closure, folded again from its whole history (so the order events arrived in never matters). */
function refold(db: Db, plan: CyclePlan): void {
  const touched = new Map<string, { auditId: string; actionId: string }>();
  for (const p of plan.events) {
    const actionId = p.kind === 'status' ? p.actionId : p.body.actionId;
    touched.set(`${p.auditId} ${actionId}`, { auditId: p.auditId, actionId });
  }
  const last = stmt(db, 'SELECT status, status_date, verified_by, follow_up_id FROM hq_action_history WHERE audit_id = ? AND action_id = ? ORDER BY seq DESC LIMIT 1');
  const count = stmt(db, 'SELECT count(*) AS n FROM hq_closure_evidence WHERE audit_id = ? AND action_id = ?');
  const put = stmt(db, `INSERT INTO hq_action_closure (audit_id, action_id, status, status_date, verified_by, follow_up_id, evidence_count) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (audit_id, action_id) DO UPDATE SET status = excluded.status, status_date = excluded.status_date, verified_by = excluded.verified_by,
      follow_up_id = excluded.follow_up_id, evidence_count = excluded.evidence_count`);
  for (const { auditId, actionId } of touched.values()) {
    const h = last.get(auditId, actionId) as { status: string; status_date: string; verified_by: string; follow_up_id: string | null } | undefined;
    const n = (count.get(auditId, actionId) as { n: number }).n;
    put.run(auditId, actionId, h?.status ?? null, h?.status_date ?? '', h?.verified_by ?? '', h?.follow_up_id ?? null, n);
  }
  // A finding is closed once each of its actions is, in the finalized plan or since (the read model's hq_action is the plan).
  const findingOf = stmt(db, 'SELECT finding_id FROM hq_action WHERE audit_id = ? AND action_id = ?');
  const stillOpen = stmt(db, `SELECT 1 FROM hq_action y WHERE y.audit_id = ? AND y.finding_id = ? AND y.status <> 'closed'
    AND NOT EXISTS (SELECT 1 FROM hq_action_closure c WHERE c.audit_id = y.audit_id AND c.action_id = y.action_id AND c.status = 'closed') LIMIT 1`);
  const close = stmt(db, 'INSERT OR IGNORE INTO hq_finding_closure (audit_id, finding_id) VALUES (?, ?)');
  const reopen = stmt(db, 'DELETE FROM hq_finding_closure WHERE audit_id = ? AND finding_id = ?');
  for (const { auditId, actionId } of touched.values()) {
    const f = findingOf.get(auditId, actionId) as { finding_id: string } | undefined;
    if (!f) continue;
    if (stillOpen.get(auditId, f.finding_id)) reopen.run(auditId, f.finding_id);
    else close.run(auditId, f.finding_id);
  }
}
