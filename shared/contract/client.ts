// The typed client the renderer uses. A transport sends (op, input) and
// returns an envelope; the client turns error envelopes into AppError.
import { AppError, type Envelope } from '../errors';
import type { OpInput, OpName, OpOutput } from './index';

export type Transport = ((op: string, input: unknown) => Promise<Envelope<unknown>>) & {
  /** A reply already here for exactly this call, given once (the renderer's start-up calls); undefined when there is none. */
  peek?(op: string, input: unknown): Envelope<unknown> | undefined;
};

/** A reply the client already holds: its value, or the error it carried. */
export type Taken<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface Client {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
  /** The reply to this call when it is already here (see Transport.peek), taken once; otherwise undefined and `call` asks. */
  taken<K extends OpName>(op: K, input: OpInput<K>): Taken<OpOutput<K>> | undefined;
}

const errorOf = (env: Extract<Envelope<unknown>, { ok: false }>) => new AppError(env.error.code, env.error.message, env.error.fields, env.error.details, env.error.text);

export function createClient(transport: Transport): Client {
  return {
    async call(op, input) {
      const env = await transport(op, input);
      if (env.ok) return env.value as never;
      throw errorOf(env);
    },
    taken(op, input) {
      const env = transport.peek?.(op, input);
      if (!env) return undefined;
      return env.ok ? { ok: true, value: env.value as never } : { ok: false, error: errorOf(env) };
    },
  };
}
