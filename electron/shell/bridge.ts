// What the preload exposes as window.fairsite: one call(op, input) that
// forwards only the contract's operation names over one IPC channel.
// Plain functions (no Electron) so the filtering is unit-tested.
import type { Envelope } from '../../shared/errors';

export const IPC_CHANNEL = 'fairsite:call';

export type Invoke = (channel: string, op: string, input: unknown) => Promise<unknown>;

export interface Bridge {
  call(op: string, input?: unknown): Promise<Envelope<unknown>>;
}

export function createBridge(invoke: Invoke, opNames: readonly string[]): Bridge {
  const allowed = new Set(opNames);
  return Object.freeze({
    async call(op: string, input?: unknown): Promise<Envelope<unknown>> {
      if (typeof op !== 'string' || !allowed.has(op)) {
        const name = typeof op === 'string' ? op.slice(0, 80) : typeof op;
        return { ok: false, error: { code: 'unknown_operation', message: `Unknown operation "${name}".` } };
      }
      try {
        return (await invoke(IPC_CHANNEL, op, input)) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Fairsite could not reach its data service. Restart the app; your saved work is safe.' } };
      }
    },
  });
}
