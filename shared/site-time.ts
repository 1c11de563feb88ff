// A moment shown in the site's time zone, with the zone named ("May 12, 2026,
// 10:15 AM (Asia/Manila)"), in the reader's language. A site with no zone
// recorded shows UTC, named so. A camera's wall-clock time (no offset) is
// shown as read: it is the site's local time already.
export function siteTime(iso: string, zone: string | undefined, lang: string): string {
  const tz = zone || 'UTC';
  const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(iso);
  const d = new Date(hasOffset ? iso : `${iso.slice(0, 19)}Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: hasOffset ? tz : 'UTC' }).format(d);
  return `${text} (${tz})`;
}

/**
 * The same moment in figures only, "2026-05-12 10:15 (Asia/Manila)": for a
 * message said later in any language (the figures read the same in each).
 * Intl converts to the zone; a camera's wall-clock time is kept as read.
 */
export function siteClock(iso: string, zone: string | undefined): string {
  const tz = zone || 'UTC';
  const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(iso);
  const d = new Date(hasOffset ? iso : `${iso.slice(0, 19)}Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: hasOffset ? tz : 'UTC',
  }).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${tz})`;
}
