// The UI's languages. English is the source; the app loads one language's
// catalogue (catalogue-<lang>.ts), English always, as a key missing elsewhere falls back to it.
export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A UI language tag ("es", "fr-CA", a test's pseudo-locale) as one of the languages the core writes in; anything else English. */
export const coreLanguage = (tag: string | undefined): Language => LANGUAGES.find((l) => (tag ?? '').slice(0, 2).toLowerCase() === l) ?? 'en';
