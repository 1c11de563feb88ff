// The UI's languages. English is the source; the app loads one language's
// catalogue (catalogue-<lang>.ts), English always, as a key missing elsewhere falls back to it.
export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
