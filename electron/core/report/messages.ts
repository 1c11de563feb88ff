// Messages of the checks, the rating and the consistency warnings (shared/
// messages.ts) in the language of the report being laid out, figures in its
// number format. English keeps the plain figures the core has always printed.
import type { Message } from '../../../shared/messages';
import { renderWith } from '../../../shared/messages';
import EN from '../../../shared/locales/en/checks';
import ES from '../../../shared/locales/es/checks';
import FR from '../../../shared/locales/fr/checks';
import { reportLanguage, type ReportLanguage } from './strings';

const CATALOGUES: Record<ReportLanguage, Record<string, string>> = { en: EN, es: ES, fr: FR };

export function say(m: Message, lang: ReportLanguage = reportLanguage()): string {
  if (lang === 'en') return renderWith(EN, m);
  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return renderWith(CATALOGUES[lang], m, { lang, num: (n) => nf.format(n) });
}
