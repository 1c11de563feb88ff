// Enrolment: HQ registers each auditor's public key. Bundles signed by a key
// that is not enrolled, or was revoked, are refused at import.
import { createPublicKey } from 'node:crypto';
import { rawPublicKey, fingerprintOf as groupedFingerprint } from '../keys/signing-key';
import { fingerprintOf, normalizeFingerprint } from '../bundle/signature';
import type { Enrolment, SignerState } from '../bundle/verify';
import type { Db } from '../store/db';
import { fieldText, refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

export interface EnrolledAuditor {
  fingerprint: string;
  /** The grouped form people compare with the laptop's profile screen. */
  displayFingerprint: string;
  auditorId: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
}

/** Accepts the PEM the laptop writes (keys/signing-key.pub) or the raw key in base64. */
export function parsePublicKey(text: string): Buffer {
  const t = text.trim();
  try {
    if (t.startsWith('-----BEGIN')) {
      const key = createPublicKey(t);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
      return rawPublicKey(key);
    }
    const raw = Buffer.from(t, 'base64');
    if (raw.length === 32 && raw.toString('base64') === t) return raw;
  } catch {
    // fall through to the one message below
  }
  throw refusal('invalid_input', msg('enrol.notAKey'), [fieldText('publicKey', msg('enrol.notEd25519'))]);
}

export type AuditorRow = { fingerprint: string; auditor_id: string; name: string; enrolled_at: string; revoked_at: string | null };
type Row = AuditorRow;
export const auditorOf = (r: Row): EnrolledAuditor => ({
  fingerprint: r.fingerprint, displayFingerprint: r.fingerprint.match(/.{4}/g)!.join(' '), auditorId: r.auditor_id, name: r.name,
  enrolledAt: r.enrolled_at, revokedAt: r.revoked_at,
});

export function enrolAuditor(db: Db, input: { publicKey: string; auditorId: string; name: string }): EnrolledAuditor {
  const raw = parsePublicKey(input.publicKey);
  const fp = fingerprintOf(raw);
  const existing = db.prepare('SELECT * FROM auditors WHERE fingerprint = ?').get(fp) as Row | undefined;
  if (existing?.revoked_at) throw refusal('conflict', msg('enrol.revoked', { fingerprint: groupedFingerprint(raw), date: existing.revoked_at }));
  if (!existing) {
    db.prepare('INSERT INTO auditors (fingerprint, auditor_id, name, public_key, enrolled_at) VALUES (?, ?, ?, ?, ?)')
      .run(fp, input.auditorId, input.name, raw.toString('base64'), new Date().toISOString());
  }
  return auditorOf(db.prepare('SELECT * FROM auditors WHERE fingerprint = ?').get(fp) as Row);
}

export function revokeAuditor(db: Db, fingerprint: string): EnrolledAuditor {
  const fp = normalizeFingerprint(fingerprint);
  const r = db.prepare('SELECT * FROM auditors WHERE fingerprint = ?').get(fp) as Row | undefined;
  if (!r) throw refusal('not_found', msg('enrol.noFingerprint'));
  db.prepare('UPDATE auditors SET revoked_at = coalesce(revoked_at, ?) WHERE fingerprint = ?').run(new Date().toISOString(), fp);
  return auditorOf(db.prepare('SELECT * FROM auditors WHERE fingerprint = ?').get(fp) as Row);
}

export function listAuditors(db: Db): EnrolledAuditor[] {
  return (db.prepare('SELECT * FROM auditors ORDER BY name, fingerprint').all() as Row[]).map(auditorOf);
}

export function signerState(db: Db, fingerprint: string): SignerState {
  const r = db.prepare('SELECT revoked_at FROM auditors WHERE fingerprint = ?').get(fingerprint) as { revoked_at: string | null } | undefined;
  if (!r) return 'unknown';
  return r.revoked_at ? 'revoked' : 'enrolled';
}

/** Who a key is at this HQ (its enrolment, never what a manifest claims); null when not enrolled. */
export function enrolmentOf(db: Db, fingerprint: string): Enrolment | null {
  const r = db.prepare('SELECT auditor_id, name, revoked_at FROM auditors WHERE fingerprint = ?').get(fingerprint) as Pick<Row, 'auditor_id' | 'name' | 'revoked_at'> | undefined;
  return r ? { state: r.revoked_at ? 'revoked' : 'enrolled', auditorId: r.auditor_id, name: r.name } : null;
}
