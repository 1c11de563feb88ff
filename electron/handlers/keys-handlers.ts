// Handlers of key protection. Only the desktop app has a key vault (over
// safeStorage); the command line and the web harness seal with a passphrase
// already.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { keysOps } from '../../shared/contract/keys-ops';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

type KeysHandlers = { [K in keyof typeof keysOps]: Handler<K, Core> };

const PASSPHRASE_ALREADY = { method: 'passphrase' as const, locked: false, notice: null };

export const keysHandlers: KeysHandlers = {
  'keys.protection': (_i, core) => core.keyVault?.protection(core.paths.keys) ?? PASSPHRASE_ALREADY,
  'keys.usePassphrase': ({ passphrase }, core) => {
    if (!core.keyVault) throw refusal('not_ready', msg('key.startProtected'));
    return core.keyVault.usePassphrase(core.paths.keys, passphrase);
  },
  'keys.unlock': ({ passphrase }, core) => {
    if (!core.keyVault) throw refusal('not_ready', msg('key.startUnlocked'));
    return core.keyVault.unlock(core.paths.keys, passphrase);
  },
};
