// Every audit at HQ belongs to one enrolled key: the one whose bundle first
// brought it (or its previous revision). Bundles from any other key that
// carry the audit are refused, whatever their manifest says; moving an audit
// to another auditor is an explicit HQ action (handOver), kept in a log.
import { refusal } from '../../../shared/core-messages';
import { msg, type Message } from '../../../shared/messages';
import type { Db } from '../store/db';
import { normalizeFingerprint } from '../bundle/signature';
import { reject } from '../bundle/rejection';
import type { VerifiedBundle } from '../bundle/verify';
import { write } from '../store/write';

export function ownerOf(db: Db, auditId: string): string | null {
  return (db.prepare('SELECT fingerprint FROM audit_owners WHERE audit_id = ?').get(auditId) as { fingerprint: string } | undefined)?.fingerprint ?? null;
}

function describeKey(db: Db, fingerprint: string): Message {
  const a = db.prepare('SELECT auditor_id, name FROM auditors WHERE fingerprint = ?').get(fingerprint) as { auditor_id: string; name: string } | undefined;
  const fp = fingerprint.match(/.{4}/g)!.slice(0, 4).join(' ');
  return a ? msg('hqCheck.auditorKey', { name: a.name, auditor: a.auditor_id, key: fp }) : msg('hqCheck.key', { key: fp });
}

/** Refuses (foreign_audit) a bundle carrying an audit, or a new revision of one, that another key owns. */
export function checkOwners(db: Db, v: VerifiedBundle): void {
  const signer = v.signer.fingerprint;
  for (const doc of v.audits) {
    const owner = ownerOf(db, doc.audit.id) ?? (doc.audit.previousId ? ownerOf(db, doc.audit.previousId) : null);
    if (owner && owner !== signer) {
      reject('foreign_audit', msg('hqCheck.foreignAudit', { audit: doc.audit.id, owner: describeKey(db, owner), signer: describeKey(db, signer) }));
    }
  }
}

/** Inside the import transaction: audits new to HQ become the signer's. */
export function claimAudits(db: Db, v: VerifiedBundle, now: string): void {
  const ins = db.prepare('INSERT INTO audit_owners (audit_id, fingerprint, since) VALUES (?, ?, ?) ON CONFLICT(audit_id) DO NOTHING');
  for (const doc of v.audits) ins.run(doc.audit.id, v.signer.fingerprint, now);
}

export interface Handover {
  auditId: string;
  from: string;
  to: string;
  at: string;
  reason: string;
}

/**
 * Moves an audit (and every revision HQ holds of it) to another enrolled,
 * unrevoked key, in one transaction; a refusal changes nothing. On
 * PostgreSQL the same function runs on a scratch copy of the rows it reads
 * (engine/pg-handover.ts).
 */
export function handOver(db: Db, input: { auditId: string; toFingerprint: string; reason: string }): Handover {
  const to = normalizeFingerprint(input.toFingerprint);
  return write({ db }, (): Handover => {
    const from = ownerOf(db, input.auditId);
    if (!from) throw refusal('not_found', msg('hqAdmin.noAudit', { audit: input.auditId }));
    const target = db.prepare('SELECT revoked_at FROM auditors WHERE fingerprint = ?').get(to) as { revoked_at: string | null } | undefined;
    if (!target) throw refusal('not_found', msg('hqAdmin.noKey'));
    if (target.revoked_at) throw refusal('conflict', msg('hqAdmin.revokedKey'));
    if (from === to) throw refusal('conflict', msg('hqAdmin.sameKey', { audit: input.auditId }));
    const at = new Date().toISOString();
    // Later revisions of the audit follow it.
    const chain = [input.auditId];
    for (let i = 0; i < chain.length; i++) {
      const next = db.prepare('SELECT DISTINCT audit_id FROM audit_versions WHERE previous_id = ?').all(chain[i]) as Array<{ audit_id: string }>;
      for (const n of next) if (!chain.includes(n.audit_id)) chain.push(n.audit_id);
    }
    for (const id of chain) {
      db.prepare('UPDATE audit_owners SET fingerprint = ?, since = ? WHERE audit_id = ?').run(to, at, id);
      db.prepare('INSERT INTO handovers (audit_id, from_fingerprint, to_fingerprint, at, reason) VALUES (?, ?, ?, ?, ?)').run(id, from, to, at, input.reason);
    }
    return { auditId: input.auditId, from, to, at, reason: input.reason };
  });
}
