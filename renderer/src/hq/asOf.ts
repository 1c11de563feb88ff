// When the screens' copy of HQ's server was taken, in the UI language:
// the time alone today, the date and time before.
export function formatAsOf(iso: string, lang: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const today = d.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(lang, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Said by the settings when HQ's database changed, so the top bar reads it again at once. */
export const DATABASE_CHANGED = 'fairsite:hq-database-changed';
