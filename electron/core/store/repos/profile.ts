import { stmt } from '../stmt';
import type { Db } from '../db';
import type { Core } from '../../core';
import type { Profile, ProfileInput } from '../../../../shared/domain/profile';
import { record } from './record';
import { nowIso } from '../clock';
import { write } from '../write';

export function getProfile(db: Db): Profile | null {
  const r = stmt(db, 'SELECT * FROM profile WHERE id = 1').get() as Record<string, string> | undefined;
  if (!r) return null;
  return {
    name: r.name!, organisation: r.organisation!, email: r.email!, auditorId: r.auditor_id!,
    keyFingerprint: r.key_fingerprint!, createdAt: r.created_at!,
  };
}

/** `key` is given on the first save only (the key is made once). */
export function saveProfile(core: Core, input: ProfileInput, key: { publicKeyPem: string; fingerprint: string } | null): Profile {
  return write(core, () => {
    const old = getProfile(core.db);
    const now = nowIso();
    if (!old) {
      if (!key) throw new Error('the first profile save needs the new signing key');
      stmt(core.db, `INSERT INTO profile (id, name, organisation, email, auditor_id, public_key, key_fingerprint, created_at, updated_at)
        VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`).run(input.name, input.organisation, input.email, input.auditorId, key.publicKeyPem, key.fingerprint, now, now);
    } else {
      stmt(core.db, 'UPDATE profile SET name = ?, organisation = ?, email = ?, auditor_id = ?, updated_at = ? WHERE id = 1')
        .run(input.name, input.organisation, input.email, input.auditorId, now);
    }
    const saved = getProfile(core.db)!;
    record(core, null, 'profile', 'profile', old ? 'update' : 'create', old, saved);
    return saved;
  });
}
