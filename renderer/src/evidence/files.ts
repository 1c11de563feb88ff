// Where the renderer finds a photo's derivatives: the app's own protocol in
// Electron, the same origin in the web harness. Originals are never served.
import { initI18n } from '../i18n';
import { localeFormat, numberLocaleFor } from '../i18n/format';

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
/** The camera's clock as it read (with its UTC offset when the file gives one), or when the photo was added, in the UI language. */
export function captureText(p: { capturedAt: string; captureSource: 'exif' | 'added' }): string {
  const i18n = initI18n();
  const f = localeFormat(i18n.language, numberLocaleFor(i18n.language));
  const t = (key: string, o: Record<string, string>) => i18n.t(key, { ns: 'evidence', ...o });
  if (p.captureSource === 'exif') {
    const time = f.wallClock(p.capturedAt);
    const offset = p.capturedAt.slice(19).replace(/^\.\d+/, '');
    return offset ? t('capture.exifOffset', { time, offset: offset === 'Z' ? '+00:00' : offset }) : time;
  }
  const d = new Date(p.capturedAt);
  if (Number.isNaN(d.getTime())) return p.capturedAt;
  return t('capture.added', { time: f.dateTime(d) });
}
