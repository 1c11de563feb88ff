// One way to show a size: decimal units (kB, MB, GB, as file managers show
// them), two significant decimals below 10, one above, in the given
// language's number format. Used by the command line and the app alike.
const UNITS = [['gigabyte', 1e9], ['megabyte', 1e6], ['kilobyte', 1e3]] as const;

export function formatBytes(n: number, locale = 'en'): string {
  const [unit, size] = UNITS.find(([, s]) => n >= s) ?? ['byte', 1];
  const value = n / size;
  const digits = unit === 'byte' || unit === 'kilobyte' ? 0 : value < 10 ? 2 : 1;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}
