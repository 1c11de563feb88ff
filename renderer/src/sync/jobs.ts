// Sizes of bundles as people read them, in the UI language.
export function megabytes(n: number, lang: string): string {
  const kB = n < 1e6;
  const value = kB ? Math.max(1, Math.round(n / 1e3)) : n / 1e6;
  return new Intl.NumberFormat(lang, { style: 'unit', unit: kB ? 'kilobyte' : 'megabyte', maximumFractionDigits: kB ? 0 : n < 1e7 ? 2 : 1 }).format(value);
}
