// The core's own words in the language a screen asked for, where the core
// writes them itself rather than handing a message to the UI (HQ's table
// exports, the titles of the native file dialogs): the same catalogues the UI
// says core messages from (shared/locales/*/core.ts).
import EN from '../../shared/locales/en/core';
import ES from '../../shared/locales/es/core';
import FR from '../../shared/locales/fr/core';
import { renderWith, type Message } from '../../shared/messages';
import type { UiLanguage } from '../../shared/domain/message';

const CATALOGUES: Record<UiLanguage, Readonly<Record<string, string>>> = { en: EN, es: ES, fr: FR };

export const coreCatalogue = (language: UiLanguage = 'en'): Readonly<Record<string, string>> => CATALOGUES[language];

/** A message in `language` (English when none was asked for). */
export const sayIn = (language: UiLanguage | undefined, m: Message): string => renderWith(coreCatalogue(language), m, { lang: language ?? 'en' });
