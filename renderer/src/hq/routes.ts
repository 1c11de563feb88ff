// Headquarters' hash routes (#/hq/...): like the laptop's, they survive a
// reload and work under the shell's protocol and the web harness alike.
import { useSyncExternalStore } from 'react';

export type HqRoute =
  | { name: 'dashboard' }
  | { name: 'inbox' }
  | { name: 'auditors' }
  | { name: 'audits' }
  | { name: 'audit'; auditId: string }
  | { name: 'diff'; auditId: string }
  | { name: 'sites' }
  | { name: 'tracker' }
  | { name: 'settings' };

const SIMPLE = ['dashboard', 'inbox', 'auditors', 'audits', 'sites', 'tracker', 'settings'] as const;

export function parseHqRoute(hash: string): HqRoute {
  const [a, b, c, d] = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (a !== 'hq') return { name: 'inbox' };
  if (b === 'audits' && c) return d === 'diff' ? { name: 'diff', auditId: c } : { name: 'audit', auditId: c };
  const simple = SIMPLE.find((n) => n === b);
  return simple ? { name: simple } : { name: 'inbox' };
}

export function hqHref(r: HqRoute): string {
  if (r.name === 'audit') return `#/hq/audits/${encodeURIComponent(r.auditId)}`;
  if (r.name === 'diff') return `#/hq/audits/${encodeURIComponent(r.auditId)}/diff`;
  return `#/hq/${r.name}`;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  window.addEventListener('popstate', cb);
  return () => {
    window.removeEventListener('hashchange', cb);
    window.removeEventListener('popstate', cb);
  };
}

export function useHqRoute(): HqRoute {
  return parseHqRoute(useSyncExternalStore(subscribe, () => window.location.hash));
}
