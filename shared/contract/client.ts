// The typed client the renderer uses. A transport sends (op, input) and
// returns an envelope; the client turns error envelopes into AppError.
import { AppError, type Envelope } from '../errors';
import type { OpInput, OpName, OpOutput } from './index';

export type Transport = (op: string, input: unknown) => Promise<Envelope<unknown>>;

export interface Client {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
}

export function createClient(transport: Transport): Client {
  return {
    async call(op, input) {
      const env = await transport(op, input);
      if (env.ok) return env.value as never;
      throw new AppError(env.error.code, env.error.message, env.error.fields, env.error.details, env.error.text);
    },
  };
}
