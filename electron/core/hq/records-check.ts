// The records of an audit document are a claim; its event chain is what the
// auditor's laptop recorded, change by change, each event hashed into the
// next. HQ folds the whole chain (earlier events it holds, then those in the
// bundle) into the last state of every record it describes and refuses a
// document whose records say something else: a finding summary edited in the
// JSON, a record with no history, one the chain deleted, a finalize hash that
// is not the one the chain sealed.
//
// The audit's site and workforce profile and declaration (entity
// audit_profile) and the consistency warnings acknowledged before finalizing
// (entity consistency_ack) are in the chain too and are checked the same way.
//
// What the chain does not describe is not checked here: site records,
// their legal profile included (they change outside any one audit's chain),
// the auditor's credentials (recorded in the laptop's own chain, not an
// audit's) and interview records (the trail keeps only their code, type and
// consent; their text never leaves the laptop). Records copied by a reopen
// come from the previous revision.
import type { Db } from '../store/db';
import { canonicalJson } from '../../../shared/canonical-json';
import { GENESIS } from '../store/events';
import type { AuditDoc, BundleEvent } from '../bundle/content';
import { reject } from '../bundle/rejection';
import { msg, type Message } from '../../../shared/messages';

type Json = Record<string, unknown>;

export interface Last {
  action: string;
  /** When the last event of the record was recorded. */
  at: string;
  /** The record as the chain left it (partial updates merged), null once deleted. */
  state: Json | null;
}

/** The audit's events from the first to the document's head: HQ's earlier ones, then the bundle's. */
type ChainEvent = Pick<BundleEvent, 'entity' | 'entityId' | 'action' | 'new' | 'at'>;

function fullChain(db: Db, doc: AuditDoc): ChainEvent[] {
  const earlier: ChainEvent[] = [];
  const byHash = db.prepare('SELECT prev_hash, body FROM events WHERE audit_id = ? AND hash = ?');
  for (let h = doc.events.prevHash, n = doc.events.fromSeq - 1; n > 0 && h !== GENESIS; n--) {
    const row = byHash.get(doc.audit.id, h) as { prev_hash: string; body: string } | undefined;
    if (!row) reject('bad_content', msg('hqCheck.eventNotHere', { audit: doc.audit.id, seq: n }));
    earlier.push(JSON.parse(row!.body) as BundleEvent);
    h = row!.prev_hash;
  }
  return [...earlier.reverse(), ...doc.events.items];
}

const parse = (text: string | null): Json | null => {
  if (text === null) return null;
  const v = JSON.parse(text) as unknown;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
};

/**
 * The chain of a version HQ holds, from its head back to the first event
 * (every event is in HQ's events table once the version is applied).
 */
export function chainOf(db: Db, auditId: string, headHash: string): ChainEvent[] {
  const byHash = new Map<string, { prev: string; body: string }>();
  for (const r of db.prepare('SELECT hash, prev_hash, body FROM events WHERE audit_id = ?').iterate(auditId) as IterableIterator<{ hash: string; prev_hash: string; body: string }>) {
    byHash.set(r.hash, { prev: r.prev_hash, body: r.body });
  }
  const out: ChainEvent[] = [];
  for (let h = headHash; h !== GENESIS; ) {
    const e = byHash.get(h);
    if (!e) throw new Error(`audit ${auditId}: event ${h} of an applied version is missing`);
    out.push(JSON.parse(e.body) as BundleEvent);
    byHash.delete(h);
    h = e.prev;
  }
  return out.reverse();
}

/** Keys of the fold: entity and record id. */
export const recordKey = (entity: string, entityId: string): string => `${entity}\u0000${entityId}`;

/** The last state of every record the events describe, as the check below reads it. */
export function fold(events: ChainEvent[]): Map<string, Last> {
  const last = new Map<string, Last>();
  for (const e of events) {
    const key = recordKey(e.entity, e.entityId);
    const next = parse(e.new);
    const before = last.get(key)?.state ?? null;
    // Photo captions and annotations, audit status changes: partial updates of the record.
    last.set(key, { action: e.action, at: e.at, state: next === null ? null : before && e.action !== 'create' ? { ...before, ...next } : next });
  }
  return last;
}

/** The kinds of record `check` compares, as a refusal names them. */
const RECORD_KINDS: Record<string, string> = {
  response: 'hqCheck.kind.response', finding: 'hqCheck.kind.finding', action: 'hqCheck.kind.action',
  note: 'hqCheck.kind.note', document: 'hqCheck.kind.document', photo: 'hqCheck.kind.photo',
};

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** Refuses the document (bad_content) where a record disagrees with the chain. */
export function checkRecords(db: Db, doc: AuditDoc): void {
  const id = doc.audit.id;
  const last = fold(fullChain(db, doc));
  const refuse = (what: Message): never => reject('records_mismatch', msg('hqCheck.records', { audit: id, what }));
  const record = (entity: string, rid: string) => ({ entity: msg(RECORD_KINDS[entity] ?? 'core.asWritten', { text: entity }), record: rid });
  const reopened = doc.audit.previousId !== null;
  const state = (entity: string, entityId: string) => last.get(`${entity}\u0000${entityId}`);

  const audit = state('audit', id)?.state;
  if (!audit) refuse(msg('hqCheck.neverCreated'));
  for (const k of ['id', 'siteId', 'templateId', 'revision', 'previousId'] as const) {
    if (!same(audit![k] ?? null, doc.audit[k])) refuse(msg('hqCheck.fieldDiffers', { field: k }));
  }
  if (audit!.status !== doc.audit.status) refuse(msg('hqCheck.statusDiffers', { status: doc.audit.status, recorded: String(audit!.status) }));
  if (doc.audit.status === 'finalized' && audit!.contentHash !== doc.audit.contentHash) refuse(msg('hqCheck.contentHash'));
  if (doc.site.id !== doc.audit.siteId) refuse(msg('hqCheck.otherSite'));

  // Fields the chain recorded must match; a field the record has and the chain never
  // mentioned (a column added by a later version, edit times) is not a disagreement.
  const UNTRACKED = new Set(['createdAt', 'updatedAt', 'updatedBy']);
  const agrees = (record: Json, recorded: Json): boolean =>
    Object.keys(recorded).every((k) => UNTRACKED.has(k) || !(k in record) || same(record[k] ?? null, recorded[k] ?? null));
  const check = (entity: string, records: Json[]): void => {
    const seen = new Set<string>();
    for (const r of records) {
      const rid = String(r.id);
      seen.add(rid);
      const s = state(entity, rid);
      if (!s) {
        // Records a reopen copied from the previous revision have no events of their own.
        if (reopened) continue;
        refuse(msg('hqCheck.noHistory', record(entity, rid)));
      }
      if (s!.state === null) refuse(msg('hqCheck.deletedKept', record(entity, rid)));
      if (!agrees(r, s!.state!)) refuse(msg('hqCheck.recordDiffers', record(entity, rid)));
    }
    for (const [key, s] of last) {
      const [e, rid] = key.split('\u0000') as [string, string];
      if (e === entity && s.state !== null && !seen.has(rid)) refuse(msg('hqCheck.recordMissing', record(entity, rid)));
    }
  };
  check('response', doc.responses as unknown as Json[]);
  check('finding', doc.findings as unknown as Json[]);
  check('action', doc.actions as unknown as Json[]);
  check('note', doc.notes as unknown as Json[]);
  check('document', doc.documents as unknown as Json[]);
  check('photo', doc.photos as unknown as Json[]);

  // The profile: one record per audit, `{ site, declaration }` in the chain. Fields
  // nested in the site profile are compared the same way as a record's own fields.
  const recordedProfile = state('audit_profile', id);
  const profile = doc.profile ?? null;
  if (profile) {
    if (profile.auditId !== id) refuse(msg('hqCheck.profileOtherAudit'));
    if (!recordedProfile) {
      // A reopen copies the profile of the previous revision without an event.
      if (!reopened) refuse(msg('hqCheck.profileNoHistory'));
    } else if (recordedProfile.state === null) {
      refuse(msg('hqCheck.profileDeletedKept'));
    } else if (!contains(profile as unknown as Json, recordedProfile.state)) {
      refuse(msg('hqCheck.profileDiffers'));
    }
  } else if (recordedProfile?.state) {
    refuse(msg('hqCheck.profileMissing'));
  }

  // Acknowledged consistency warnings: keyed by the warning, `{ note }` once
  // acknowledged, null once withdrawn. They are never copied by a reopen.
  const acked = new Set<string>();
  for (const a of doc.acknowledged ?? []) {
    if (acked.has(a.key)) refuse(msg('hqCheck.ackTwice', { warning: a.key }));
    acked.add(a.key);
    const s = state('consistency_ack', a.key)?.state;
    if (!s) refuse(msg('hqCheck.ackNoHistory', { warning: a.key }));
    if (!same(a.note, s!.note ?? null)) refuse(msg('hqCheck.ackDiffers', { warning: a.key }));
  }
  const ACK = 'consistency_ack\u0000';
  for (const [key, s] of last) {
    const k = key.slice(ACK.length);
    if (key.startsWith(ACK) && s.state !== null && !acked.has(k)) refuse(msg('hqCheck.ackMissing', { warning: k }));
  }
}

/**
 * Every field the chain recorded is in the record with the same value;
 * objects are compared field by field, so a field a later version added (with
 * its default) is not a disagreement, but a changed or removed one is.
 */
function contains(record: Json, recorded: Json): boolean {
  return Object.keys(recorded).every((k) => {
    const want = recorded[k];
    const have = record[k];
    if (want && typeof want === 'object' && !Array.isArray(want) && have && typeof have === 'object' && !Array.isArray(have)) {
      return contains(have as Json, want as Json);
    }
    return same(have ?? null, want ?? null);
  });
}
