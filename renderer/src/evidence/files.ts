// Where the renderer finds a photo's derivatives: the app's own protocol in
// Electron, the same origin in the web harness. Originals are never served.
import { initI18n } from '../i18n';
import { localeFormat, numberLocaleFor } from '../i18n/format';
import { siteTime } from '../i18n/siteTime';

export type PhotoFileKind = 'thumb' | 'report';

export function photoUrl(kind: PhotoFileKind, sha256: string): string {
  const base = typeof location !== 'undefined' && location.protocol === 'app:' ? 'app://files/' : '/files/';
  return `${base}${kind}/${sha256}.jpg`;
}

/** The annotated copy when there is one: that is what the auditor means to show. */
export const shownSha = (p: { sha256: string; annotatedSha256: string | null }): string => p.annotatedSha256 ?? p.sha256;

/**
 * When a photo was taken, in the UI language: a camera clock without an
 * offset as it read (it is the site's local time already); a moment (the
 * camera's clock with its offset, or when the photo was added) in the
 * site's time zone `zone`, named, whatever this machine's zone.
 */
export function captureText(p: { capturedAt: string; captureSource: 'exif' | 'added' }, zone?: string): string {
  const i18n = initI18n();
  const f = localeFormat(i18n.language, numberLocaleFor(i18n.language));
  const offset = p.capturedAt.slice(19).replace(/^\.\d+/, '');
  if (p.captureSource === 'exif' && !offset) return f.wallClock(p.capturedAt);
  if (Number.isNaN(new Date(p.capturedAt).getTime())) return p.capturedAt;
  const time = siteTime(p.capturedAt, zone, i18n);
  return p.captureSource === 'exif' ? time : i18n.t('zone.added', { ns: 'zone', time });
}
