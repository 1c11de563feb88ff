// Handlers of the laptop's sync settings: the upload address (its secret
// sealed) and HQ's encryption key.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { syncOps } from '../../shared/contract/sync-ops';
import { endpointInfo, saveEndpoint } from '../core/sync/endpoint';
import { hqRecipient, setHqRecipient } from '../core/sync/settings';

type SyncHandlers = { [K in keyof typeof syncOps]: Handler<K, Core> };

export const syncHandlers: SyncHandlers = {
  'sync.settings': (_i, core) => ({ endpoint: endpointInfo(core), hqRecipient: hqRecipient(core) }),
  'sync.saveEndpoint': (input, core) => saveEndpoint(core, input),
  'sync.setHqKey': ({ recipient }, core) => {
    setHqRecipient(core, recipient || null);
    return { hqRecipient: hqRecipient(core) };
  },
};
