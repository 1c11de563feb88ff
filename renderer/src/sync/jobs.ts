// Sizes of bundles as people read them.
export const megabytes = (n: number): string => (n < 1e6 ? `${Math.max(1, Math.round(n / 1e3))} kB` : `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1)} MB`);
