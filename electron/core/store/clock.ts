// The store's timestamps: ISO 8601 in UTC with milliseconds, as Date#toISOString writes them.

// Date#toISOString formats through a general date formatter, a measurable
// part of saving an answer; within one second only the milliseconds change.
let second = -1;
let secondIso = '';
/** Now, as Date#toISOString would write it. */
export function nowIso(): string {
  const ms = Date.now();
  const s = Math.floor(ms / 1000);
  if (s !== second) {
    second = s;
    secondIso = new Date(s * 1000).toISOString().slice(0, 20);
  }
  const frac = ms - s * 1000;
  return secondIso + (frac < 10 ? '00' : frac < 100 ? '0' : '') + frac + 'Z';
}
