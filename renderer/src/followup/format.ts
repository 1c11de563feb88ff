// Dates and percentages in the UI language, through Intl (sizes: shared/format-bytes.ts).
export function formatDate(iso: string, lang: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export function formatPercent(p: number | null, lang: string): string {
  return p === null ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(p / 100);
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** File bytes as base64, for one contract call (FileReader: every browser engine, and jsdom, has it). */
export function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('The file could not be read.'));
    r.readAsDataURL(file);
  });
}
