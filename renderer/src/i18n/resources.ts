// Every language's catalogue together, for the checks that compare them
// (the app itself loads one language: i18n/index.ts).
import type { Language } from './languages';
import { catalogue as en } from './catalogue-en';
import { catalogue as es } from './catalogue-es';
import { catalogue as fr } from './catalogue-fr';

export { LANGUAGES, type Language } from './languages';

export const resources = { en, es, fr } satisfies Record<Language, Record<string, Record<string, string>>>;
