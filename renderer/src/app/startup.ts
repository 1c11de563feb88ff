// The calls the first screen needs, sent all at once as the app starts.
// Left to the components, they went one after another: the installation's
// role, then the profile (once the role was known), then the home screen's
// list (once the profile was), each a round trip after a render — about
// half of the time to a home screen of a thousand audits. Here they leave
// together before React has rendered anything, and each component's own
// call, made later with the same operation and input, takes the reply that
// is already on its way.
//
// A reply kept here is given once, and only during start-up: the first
// call of any other operation (a save, a choice on the first run, another
// screen) ends start-up and drops what was not taken, as does STARTUP_TTL_MS,
// so nothing is ever answered from an earlier state of the data.
import type { Transport } from '../../../shared/contract/client';
import type { Envelope } from '../../../shared/errors';
import type { OpInput, OpName } from '../../../shared/contract/index';
// About what one window shows; the rest of a group comes with "Show more"
// (BROWSE_PAGE at a time). Each row drawn before the first paint costs the
// start its share of layout and script time.
export const FIRST_PAGE = 10;

/** The home screen's first request: every group's first page, no filter. */
export const FIRST_ROWS = { progress: FIRST_PAGE, finalized: FIRST_PAGE, sent: FIRST_PAGE };

/** Replies not taken within this long after start are dropped. */
export const STARTUP_TTL_MS = 10_000;

type Call = { [K in OpName]: [K, OpInput<K>] }[OpName];

/** What the first screen of a start at `hash` asks for. The audit list only when that screen is the home screen. */
export function startupCalls(hash: string): Call[] {
  const calls: Call[] = [['install.get', {}], ['profile.get', {}], ['app.integrity', {}]];
  if (hash === '' || hash === '#' || hash === '#/') calls.push(['audits.browse', { rows: FIRST_ROWS }]);
  return calls;
}

const keyOf = (op: string, input: unknown) => `${op}\n${JSON.stringify(input)}`;

/** The start-up transport: `peek` gives a reply that is already here; `settled` resolves once every start-up call has its reply. */
export type StartupTransport = Transport & { peek(op: string, input: unknown): Envelope<unknown> | undefined; settled: Promise<void> };

/**
 * A transport that sends `calls` at once through `inner` and answers each of
 * them once from that reply, the same operation with the same input; every
 * other call goes to `inner`. A reply that has arrived can also be taken at
 * once with `peek`, so a screen whose data is here renders with it in its
 * first pass instead of showing "Loading" for a frame.
 */
export function withStartupCalls(inner: Transport, calls: readonly Call[], now: () => number = Date.now): StartupTransport {
  const started = now();
  const kept = new Map<string, ReturnType<Transport>>();
  const arrived = new Map<string, Envelope<unknown>>();
  const ops = new Set<string>(calls.map(([op]) => op));
  const drop = () => { kept.clear(); arrived.clear(); };
  const expire = (op: string) => {
    if (kept.size && now() - started > STARTUP_TTL_MS) drop();
    if (!ops.has(op)) drop();
  };
  for (const [op, input] of calls) {
    const key = keyOf(op, input);
    const reply = inner(op, input);
    // A failed transport is seen by the component's own call, made again below.
    reply.then((env) => { if (kept.get(key) === reply) arrived.set(key, env); }, () => undefined);
    kept.set(key, reply);
  }
  const settled = Promise.allSettled([...kept.values()]).then(() => undefined);
  const transport = (op: string, input: unknown) => {
    expire(op);
    const key = keyOf(op, input);
    const reply = kept.get(key);
    if (!reply) return inner(op, input);
    kept.delete(key);
    arrived.delete(key);
    return reply.catch(() => inner(op, input));
  };
  const peek = (op: string, input: unknown) => {
    expire(op);
    const key = keyOf(op, input);
    const env = arrived.get(key);
    if (!env) return undefined;
    kept.delete(key);
    arrived.delete(key);
    return env;
  };
  return Object.assign(transport, { peek, settled });
}
