// Where the renderer finds a photo's derivatives: the app's own protocol in
// Electron, the same origin in the web harness. Originals are never served.
export type PhotoFileKind = 'thumb' | 'report';

export function photoUrl(kind: PhotoFileKind, sha256: string): string {
  const base = typeof location !== 'undefined' && location.protocol === 'app:' ? 'app://files/' : '/files/';
  return `${base}${kind}/${sha256}.jpg`;
}

/** The annotated copy when there is one: that is what the auditor means to show. */
export const shownSha = (p: { sha256: string; annotatedSha256: string | null }): string => p.annotatedSha256 ?? p.sha256;

/**
 * When a photo was taken: the camera's own clock as recorded (with its
 * offset when there was one), or the moment it was added, in local time.
 */
export function captureText(p: { capturedAt: string; captureSource: 'exif' | 'added' }): string {
  if (p.captureSource === 'exif') return `${p.capturedAt.slice(0, 16).replace('T', ' ')}${p.capturedAt.length > 19 ? ` (UTC${p.capturedAt.slice(19)})` : ''}`;
  const d = new Date(p.capturedAt);
  if (Number.isNaN(d.getTime())) return p.capturedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} (added)`;
}
