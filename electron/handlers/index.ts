// Every operation's handler, one table per domain (spread below).
import type { Core } from '../core/core';
import type { Handlers } from './dispatch';
import { coreHandlers } from './core-handlers';

export const handlers: Handlers<Core> = {
  ...coreHandlers,
};
