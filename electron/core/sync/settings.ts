// Sync settings kept in the laptop database: HQ's age recipient (public, so
// plain) and the upload endpoint, whose secret is sealed by the SecretBox.
import type { Core } from '../core';
import { isAgeRecipient } from '../bundle/age';
import { fieldText, refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

const RECIPIENT = 'sync.hqRecipient';

function getSetting(core: Core, key: string): string | null {
  const r = core.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? null;
}

export function setSetting(core: Core, key: string, value: string | null): void {
  if (value === null) core.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else core.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export { getSetting };

/** HQ's age public key, or null when none is configured (bundles then go unencrypted). */
export function hqRecipient(core: Core): string | null {
  return getSetting(core, RECIPIENT);
}

export function setHqRecipient(core: Core, recipient: string | null): void {
  if (recipient !== null && !isAgeRecipient(recipient.trim())) {
    throw refusal('invalid_input', msg('sync.notHqKey'), [fieldText('recipient', msg('problem.notRecipient'))]);
  }
  setSetting(core, RECIPIENT, recipient?.trim() ?? null);
}
