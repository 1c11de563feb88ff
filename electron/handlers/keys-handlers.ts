// Handlers of key protection. Only the desktop app has a key vault (over
// safeStorage); the command line and the web harness seal with a passphrase
// already.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { keysOps } from '../../shared/contract/keys-ops';
import { AppError } from '../../shared/errors';

type KeysHandlers = { [K in keyof typeof keysOps]: Handler<K, Core> };

const PASSPHRASE_ALREADY = { method: 'passphrase' as const, locked: false, notice: null };

export const keysHandlers: KeysHandlers = {
  'keys.protection': (_i, core) => core.keyVault?.protection(core.paths.keys) ?? PASSPHRASE_ALREADY,
  'keys.usePassphrase': ({ passphrase }, core) => {
    if (!core.keyVault) throw new AppError('not_ready', 'Here the signing key is already protected by the passphrase given when Fairsite started (FAIRSITE_PASSPHRASE).');
    return core.keyVault.usePassphrase(core.paths.keys, passphrase);
  },
  'keys.unlock': ({ passphrase }, core) => {
    if (!core.keyVault) throw new AppError('not_ready', 'Here the signing key is unlocked with the passphrase given when Fairsite started (FAIRSITE_PASSPHRASE).');
    return core.keyVault.unlock(core.paths.keys, passphrase);
  },
};
