// Every operation's handler, one table per domain (spread below).
import type { Core } from '../core/core';
import type { Handlers } from './dispatch';
import { coreHandlers } from './core-handlers';
import { evidenceHandlers } from './evidence-handlers';
import { reportHandlers } from './report-handlers';

export const handlers: Handlers<Core> = {
  ...coreHandlers,
  ...evidenceHandlers,
  ...reportHandlers,
};
