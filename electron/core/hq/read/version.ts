// One version of an audit as HQ holds it: the document stored at import
// (its records checked against the chain then) and the fold of its chain.
// The current version unless a head is named (an audit with diverging heads).
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';
import type { Db } from '../../store/db';
import type { AuditDoc } from '../../bundle/content';
import { chainOf, fold, recordKey, type Last } from '../records-check';

export type StoredDoc = Omit<AuditDoc, 'events'>;

export interface AuditVersion {
  auditId: string;
  headHash: string;
  eventCount: number;
  bundleId: string;
  /** The key that signed the bundle that brought this version. */
  signer: string;
  current: boolean;
  doc: StoredDoc;
  last: Map<string, Last>;
}

export function versionOf(db: Db, auditId: string, headHash?: string): AuditVersion {
  const current = db.prepare('SELECT current_head FROM audits WHERE audit_id = ?').get(auditId) as { current_head: string } | undefined;
  if (!current) throw refusal('not_found', msg('hqRead.noAuditImport', { audit: auditId }));
  const head = headHash ?? current.current_head;
  const v = db.prepare('SELECT event_count, bundle_id, fingerprint, doc FROM audit_versions WHERE audit_id = ? AND head_hash = ?').get(auditId, head) as
    { event_count: number; bundle_id: string; fingerprint: string; doc: string } | undefined;
  if (!v) throw refusal('not_found', msg('hqRead.noVersion', { audit: auditId, head: head.slice(0, 12) }));
  return {
    auditId, headHash: head, eventCount: v.event_count, bundleId: v.bundle_id, signer: v.fingerprint, current: head === current.current_head,
    doc: JSON.parse(v.doc) as StoredDoc, last: fold(chainOf(db, auditId, head)),
  };
}

/** Percent and band as the finalize event sealed them; null while the audit is not finalized. */
export function sealOf(doc: StoredDoc, last: Map<string, Last>): { percent: number | null; band: string | null } {
  if (doc.audit.status !== 'finalized') return { percent: null, band: null };
  const s = last.get(recordKey('audit', doc.audit.id))?.state ?? {};
  return { percent: typeof s.percent === 'number' ? s.percent : null, band: typeof s.band === 'string' ? s.band : null };
}

export interface Signature { role: string; name: string; title: string; hasAuthority: boolean; signedAt: string; pngSha256: string | null }

/** Signatures are recorded only in the chain (entity signoff, id "<audit>:<role>"); their images stay on the laptop. */
export function signaturesOf(last: Map<string, Last>): Signature[] {
  const out: Signature[] = [];
  const prefix = recordKey('signoff', '');
  for (const [key, s] of last) {
    if (!key.startsWith(prefix) || !s.state) continue;
    out.push({
      role: key.slice(key.lastIndexOf(':') + 1), name: String(s.state.name ?? ''), title: String(s.state.title ?? ''), hasAuthority: s.state.hasAuthority === true,
      signedAt: s.at, pngSha256: typeof s.state.pngSha256 === 'string' ? s.state.pngSha256 : null,
    });
  }
  return out.sort((a, b) => a.role.localeCompare(b.role));
}
