// Handlers of what this installation is, and of headquarters' inbox. HQ mode
// starts the watched-folder import as soon as the app asks what it is.
import { startJob } from './start-job';
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { installOps } from '../../shared/contract/install-ops';
import type { hqInboxOps } from '../../shared/contract/hq-inbox-ops';
import { chooseRole, installRole } from '../core/install-role';
import { hqFor } from '../core/hq/service';
import { auditorActivity, ensureWatcher, importIntoInbox, inboxState, receiveChunk, setWatchFolder } from '../core/hq/inbox/service';

type InboxHandlers = { [K in keyof typeof installOps | keyof typeof hqInboxOps]: Handler<K, Core> };

export const inboxHandlers: InboxHandlers = {
  'install.get': async (_i, core) => {
    const role = installRole(core);
    if (role === 'hq') ensureWatcher(await hqFor(core));
    return { role };
  },
  'install.choose': async ({ role }, core) => {
    const r = chooseRole(core, role);
    if (r.role === 'hq') ensureWatcher(await hqFor(core));
    return r;
  },
  'hq.inbox': async (_i, core) => inboxState(await hqFor(core)),
  'hq.receive': async (input, core) => receiveChunk(await hqFor(core), input),
  'hq.importInbox': async ({ paths, source }, core) => {
    const hq = await hqFor(core);
    return startJob(core, 'hq.importInbox', (progress) => importIntoInbox(hq, paths, source, progress));
  },
  'hq.setWatchFolder': async ({ folder }, core) => {
    const hq = await hqFor(core);
    setWatchFolder(hq, folder);
    return inboxState(hq);
  },
  'hq.auditorActivity': async (_i, core) => auditorActivity(await hqFor(core)),
};
