// Handlers of the HQ configuration package: publish at headquarters (its
// folder DATA/hq), import, fetch-and-import and status on a laptop.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { hqConfigOps } from '../../shared/contract/hq-config-ops';
import { installRole } from '../core/install-role';
import { hqFor } from '../core/hq/service';
import { publishHqConfig } from '../core/hqconfig/publish';
import { rotateHqConfigKey } from '../core/hqconfig/signing';
import { hqConfigStatus, importHqConfig } from '../core/hqconfig/import';
import { fetchHqConfig } from '../core/hqconfig/fetch';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

type HqConfigHandlers = { [K in keyof typeof hqConfigOps]: Handler<K, Core> };

function laptopOnly(core: Core): void {
  if (installRole(core) === 'hq') throw refusal('conflict', msg('hqConfig.isHq'));
}

function hqOnly(core: Core): void {
  if (installRole(core) === 'laptop') throw refusal('conflict', msg('hqConfig.isLaptop'));
}

export const hqConfigHandlers: HqConfigHandlers = {
  'hqConfig.publish': async (input, core) => {
    hqOnly(core);
    return publishHqConfig(await hqFor(core), input);
  },
  'hqConfig.rotateKey': async (_input, core) => {
    hqOnly(core);
    return rotateHqConfigKey(await hqFor(core));
  },
  'hqConfig.import': ({ text, expectFingerprint }, core) => {
    laptopOnly(core);
    return importHqConfig(core, text, expectFingerprint);
  },
  'hqConfig.importUrl': async ({ url, expectFingerprint }, core) => {
    laptopOnly(core);
    return importHqConfig(core, await fetchHqConfig(url), expectFingerprint);
  },
  'hqConfig.status': (_input, core) => ({ imported: hqConfigStatus(core) }),
};
