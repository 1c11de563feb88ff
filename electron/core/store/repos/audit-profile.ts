// The audit's site and workforce profile and declaration (table
// audit_profiles), the auditor's credentials (auditor_credentials) and the
// consistency warnings acknowledged before finalizing (consistency_acks).
// Every write is an event in the chain like any other audit content.
import { stmt } from '../stmt';
import type { Core } from '../../core';
import type { Db } from '../db';
import { AuditDeclaration, AuditProfileInput, SiteProfile, type AuditProfile, type Credentials, type CredentialsInput } from '../../../../shared/domain/audit-profile';
import { editableAudit, getAudit, touchAudit } from './audits';
import { getSite } from './sites';
import { record } from './record';
import { nowIso } from '../clock';
import { write } from '../write';
import { fieldText, refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

type Row = { audit_id: string; site: string; declaration: string; updated_at: string };

/** A stored profile, or the one the site record suggests (address, clients, headcount) before the first save. */
export function getAuditProfile(db: Db, auditId: string): AuditProfile {
  const audit = getAudit(db, auditId);
  const r = stmt(db, 'SELECT * FROM audit_profiles WHERE audit_id = ?').get(auditId) as Row | undefined;
  if (r) return { auditId, site: SiteProfile.parse(JSON.parse(r.site)), declaration: AuditDeclaration.parse(JSON.parse(r.declaration)), updatedAt: r.updated_at };
  const site = getSite(db, audit.siteId);
  return {
    auditId,
    site: SiteProfile.parse({ address: [site.address, site.country].filter(Boolean).join(', '), clients: site.clients.join(', '), workforce: { headcount: site.headcount } }),
    declaration: AuditDeclaration.parse({}),
    updatedAt: null,
  };
}

export function saveAuditProfile(core: Core, raw: AuditProfileInput): AuditProfile {
  // The contract parsed it already; parsing again keeps direct callers (demo, tests) honest.
  const input = AuditProfileInput.parse(raw);
  return write(core, () => {
    editableAudit(core.db, input.auditId);
    const old = stmt(core.db, 'SELECT * FROM audit_profiles WHERE audit_id = ?').get(input.auditId) as Row | undefined;
    const now = nowIso();
    stmt(core.db, `INSERT INTO audit_profiles (audit_id, site, declaration, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (audit_id) DO UPDATE SET site = excluded.site, declaration = excluded.declaration, updated_at = excluded.updated_at`)
      .run(input.auditId, JSON.stringify(input.site), JSON.stringify(input.declaration), now);
    record(core, input.auditId, 'audit_profile', input.auditId, old ? 'update' : 'create',
      old ? { site: JSON.parse(old.site), declaration: JSON.parse(old.declaration) } : null, { site: input.site, declaration: input.declaration });
    touchAudit(core.db, input.auditId);
    return getAuditProfile(core.db, input.auditId);
  });
}

/** Reopening carries the profile into the new revision. */
export function copyAuditProfile(db: Db, from: string, to: string): void {
  stmt(db, 'INSERT INTO audit_profiles (audit_id, site, declaration, updated_at) SELECT ?, site, declaration, updated_at FROM audit_profiles WHERE audit_id = ?').run(to, from);
}

type CredRow = { scheme: Credentials['scheme']; number: string; other_scheme: string; independence: string; updated_at: string };

export function getCredentials(db: Db): Credentials | null {
  const r = stmt(db, 'SELECT * FROM auditor_credentials WHERE id = 1').get() as CredRow | undefined;
  return r ? { scheme: r.scheme, number: r.number, otherScheme: r.other_scheme, independence: r.independence, updatedAt: r.updated_at } : null;
}

export function saveCredentials(core: Core, input: CredentialsInput): Credentials {
  return write(core, () => {
    const old = getCredentials(core.db);
    const now = nowIso();
    stmt(core.db, `INSERT INTO auditor_credentials (id, scheme, number, other_scheme, independence, updated_at) VALUES (1, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET scheme = excluded.scheme, number = excluded.number, other_scheme = excluded.other_scheme,
      independence = excluded.independence, updated_at = excluded.updated_at`).run(input.scheme, input.number, input.otherScheme, input.independence, now);
    const saved = getCredentials(core.db)!;
    record(core, null, 'credentials', 'credentials', old ? 'update' : 'create', old, saved);
    return saved;
  });
}

export interface Acknowledgement {
  key: string;
  note: string;
  acknowledgedAt: string;
}

export function listAcknowledgements(db: Db, auditId: string): Acknowledgement[] {
  return (stmt(db, 'SELECT key, note, acknowledged_at FROM consistency_acks WHERE audit_id = ? ORDER BY key').all(auditId) as Array<{ key: string; note: string; acknowledged_at: string }>)
    .map((r) => ({ key: r.key, note: r.note, acknowledgedAt: r.acknowledged_at }));
}

export function setAcknowledgement(core: Core, auditId: string, key: string, acknowledged: boolean, note: string): Acknowledgement[] {
  if (acknowledged && !note.trim()) throw refusal('invalid_input', msg('profile.sayWhy'), [fieldText('note', msg('problem.required'))]);
  write(core, () => {
    editableAudit(core.db, auditId);
    const old = stmt(core.db, 'SELECT note FROM consistency_acks WHERE audit_id = ? AND key = ?').get(auditId, key) as { note: string } | undefined;
    if (acknowledged) {
      stmt(core.db, `INSERT INTO consistency_acks (audit_id, key, note, acknowledged_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (audit_id, key) DO UPDATE SET note = excluded.note, acknowledged_at = excluded.acknowledged_at`).run(auditId, key, note.trim(), nowIso());
    } else stmt(core.db, 'DELETE FROM consistency_acks WHERE audit_id = ? AND key = ?').run(auditId, key);
    record(core, auditId, 'consistency_ack', key, acknowledged ? 'acknowledge' : 'withdraw', old ?? null, acknowledged ? { note: note.trim() } : null);
    touchAudit(core.db, auditId);
  });
  return listAcknowledgements(core.db, auditId);
}
