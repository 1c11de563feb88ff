// The canonical JSON document of one audit inside a bundle. HQ parses it
// with these schemas and recomputes the event hash chain; nothing in it is
// trusted because the laptop said so.
import { z } from 'zod';
import { Audit } from '../../../shared/domain/audit';
import { Site } from '../../../shared/domain/site';
import { Response } from '../../../shared/domain/response';
import { CorrectiveAction, Finding, Note } from '../../../shared/domain/finding';
import { InterviewsExport, Photo, ReviewedDocument } from '../../../shared/domain/evidence';
import { AuditProfile, Credentials } from '../../../shared/domain/audit-profile';
import { eventHash, GENESIS, type EventRow } from '../store/events';
import { reject } from './rejection';
import { msg } from '../../../shared/messages';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const BundleEvent = z.strictObject({
  seq: z.number().int().min(1),
  id: z.string().max(64),
  at: z.string().max(40),
  actor: z.string().max(400),
  entity: z.string().max(60),
  entityId: z.string().max(200),
  action: z.string().max(60),
  old: z.string().max(5_000_000).nullable(),
  new: z.string().max(5_000_000).nullable(),
  prevHash: Hex64,
  hash: Hex64,
});
export type BundleEvent = z.infer<typeof BundleEvent>;

export const ReportRef = z.object({ sha256: Hex64, size: z.number().int().min(0), name: z.string().max(200) });

export const AuditDoc = z.object({
  kind: z.literal('fairsite-audit'),
  version: z.literal(1),
  audit: Audit,
  site: Site,
  template: z.object({ id: z.string(), key: z.string(), version: z.string(), name: z.string(), hash: z.string() }),
  responses: z.array(Response).max(50_000),
  findings: z.array(Finding).max(50_000),
  actions: z.array(CorrectiveAction).max(50_000),
  notes: z.array(Note).max(50_000),
  photos: z.array(Photo).max(100_000),
  documents: z.array(ReviewedDocument).max(10_000),
  /** Only what may leave the laptop: counts, themes, consented excerpts. */
  interviews: InterviewsExport,
  reports: z.array(ReportRef).max(1_000),
  /** Site and workforce profile and declaration (schema 7); absent in bundles of older laptops. */
  profile: AuditProfile.nullable().optional(),
  /** The auditor's credentials and independence statement as printed in the report. */
  auditorCredentials: Credentials.nullable().optional(),
  /** Consistency warnings the auditor acknowledged, with the reason. */
  acknowledged: z.array(z.object({ key: z.string().max(200), note: z.string().max(1000), acknowledgedAt: z.string().max(40) })).max(10_000).optional(),
  events: z.strictObject({
    /** Sequence of the first event carried; earlier ones went in earlier bundles. */
    fromSeq: z.number().int().min(1),
    prevHash: Hex64,
    items: z.array(BundleEvent).max(1_000_000),
  }),
});
export type AuditDoc = z.infer<typeof AuditDoc>;

export function eventToBundle(r: EventRow): BundleEvent {
  return {
    seq: r.seq, id: r.id, at: r.at, actor: r.actor, entity: r.entity, entityId: r.entity_id, action: r.action,
    old: r.old, new: r.new, prevHash: r.prev_hash, hash: r.hash,
  };
}

export function eventFromBundle(auditId: string, e: BundleEvent): EventRow {
  return {
    seq: e.seq, id: e.id, audit_id: auditId, at: e.at, actor: e.actor, entity: e.entity, entity_id: e.entityId,
    action: e.action, old: e.old, new: e.new, prev_hash: e.prevHash, hash: e.hash,
  };
}

/** Parses one audit document and checks its chain is internally whole. */
export function parseAuditDoc(path: string, bytes: Buffer): AuditDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return reject('bad_content', msg('bundle.docNotJson', { file: path }));
  }
  const parsed = AuditDoc.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject('bad_content', msg('bundle.auditInvalidAt', { file: path, where: issue?.path.map(String).join('.') || '(root)', error: issue?.message ?? 'invalid' }));
  }
  const doc = parsed.data;
  if (`audits/${doc.audit.id}.json` !== path) reject('bad_content', msg('bundle.auditMisnamed', { file: path, audit: doc.audit.id }));
  let prev = doc.events.fromSeq === 1 ? GENESIS : doc.events.prevHash;
  if (doc.events.fromSeq === 1 && doc.events.prevHash !== GENESIS) reject('bad_content', msg('bundle.chainStart', { file: path }));
  let seq = doc.events.fromSeq;
  for (const e of doc.events.items) {
    if (e.seq !== seq) reject('bad_content', msg('bundle.eventMissing', { file: path, seq }));
    if (e.prevHash !== prev) reject('bad_content', msg('bundle.eventOrder', { file: path, seq: e.seq }));
    if (eventHash(eventFromBundle(doc.audit.id, e)) !== e.hash) reject('bad_content', msg('bundle.eventChanged', { file: path, seq: e.seq }));
    prev = e.hash;
    seq++;
  }
  return doc;
}

/** The hash of the newest event carried, or the base hash when none are. */
export const headOf = (doc: AuditDoc): string => doc.events.items.at(-1)?.hash ?? doc.events.prevHash;

/** Every photo file (originals and annotated copies) a document refers to. */
export function photoFilesOf(doc: { photos: ReadonlyArray<{ sha256: string; annotatedSha256?: string | null }> }): string[] {
  const out = new Set<string>();
  for (const p of doc.photos) {
    out.add(p.sha256);
    if (p.annotatedSha256) out.add(p.annotatedSha256);
  }
  return [...out];
}
