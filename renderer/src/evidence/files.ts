// Where the renderer finds a photo's derivatives: the app's own protocol in
// Electron, the same origin in the web harness. Originals are never served.
export type PhotoFileKind = 'thumb' | 'report';

export function photoUrl(kind: PhotoFileKind, sha256: string): string {
  const base = typeof location !== 'undefined' && location.protocol === 'app:' ? 'app://files/' : '/files/';
  return `${base}${kind}/${sha256}.jpg`;
}

/** The annotated copy when there is one: that is what the auditor means to show. */
export const shownSha = (p: { sha256: string; annotatedSha256: string | null }): string => p.annotatedSha256 ?? p.sha256;
