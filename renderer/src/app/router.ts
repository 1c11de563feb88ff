// Hash routes: they work the same under the shell's custom protocol and the
// web harness, and survive a reload.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'sync' }
  | { name: 'walk'; auditId: string; itemId: string | null }
  | { name: 'findings'; auditId: string }
  | { name: 'summary'; auditId: string }
  | { name: 'evidence'; auditId: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d] = parts;
  if (a === 'new') return { name: 'new' };
  if (a === 'settings') return { name: 'settings' };
  if (a === 'sync') return { name: 'sync' };
  if (a === 'audit' && b) {
    if (c === 'findings') return { name: 'findings', auditId: b };
    if (c === 'summary') return { name: 'summary', auditId: b };
    if (c === 'evidence') return { name: 'evidence', auditId: b };
    return { name: 'walk', auditId: b, itemId: c === 'item' && d ? d : null };
  }
  return { name: 'home' };
}

export function href(r: Route): string {
  switch (r.name) {
    case 'home': return '#/';
    case 'new': return '#/new';
    case 'settings': return '#/settings';
    case 'sync': return '#/sync';
    case 'walk': return `#/audit/${encodeURIComponent(r.auditId)}${r.itemId ? `/item/${encodeURIComponent(r.itemId)}` : ''}`;
    case 'findings': return `#/audit/${encodeURIComponent(r.auditId)}/findings`;
    case 'summary': return `#/audit/${encodeURIComponent(r.auditId)}/summary`;
    case 'evidence': return `#/audit/${encodeURIComponent(r.auditId)}/evidence`;
  }
}

export function navigate(r: Route, opts: { replace?: boolean } = {}): void {
  const h = href(r);
  if (opts.replace) window.history.replaceState(null, '', h);
  else window.history.pushState(null, '', h);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  window.addEventListener('popstate', cb);
  return () => {
    window.removeEventListener('hashchange', cb);
    window.removeEventListener('popstate', cb);
  };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
