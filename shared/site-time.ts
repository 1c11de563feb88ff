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
