// Imports into one HQ run one after another (the watched folder and the
// person's own imports may overlap): each bundle is still one transaction,
// but staging and the held-bundle release are simpler to reason about in order.
import type { Hq } from '../context';

const tails = new WeakMap<Hq, Promise<unknown>>();

export function serialImport<T>(hq: Hq, fn: () => Promise<T>): Promise<T> {
  const prev = tails.get(hq) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  tails.set(hq, next.catch(() => undefined));
  return next;
}
