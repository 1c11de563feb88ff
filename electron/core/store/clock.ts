// The store's timestamps: ISO 8601 in UTC with milliseconds.
export const nowIso = (): string => new Date().toISOString();
