// Messages of the core and the shared checks (key and figures, shared/
// messages.ts) said in the UI language: figures in the UI's number format,
// nested messages translated first, plurals by `count`. A key is looked up
// in `checks` then `core` (shared/locales/*/core.ts): a refusal may name a
// check's warning inside its own sentence.
import type { i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { paramTexts, type Message } from '../../../shared/messages';
import { initI18n } from './index';
import { numberLocaleFor } from './format';

export const MESSAGE_NAMESPACES = ['checks', 'core'] as const;

export function sayMessage(m: Message, instance: i18n = initI18n(), ns: string | readonly string[] = MESSAGE_NAMESPACES): string {
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(numberLocaleFor(instance.language), { maximumFractionDigits: 2 });
  } catch {
    nf = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }); // a test language Intl does not know
  }
  const values = paramTexts(m, (n) => nf.format(n), (sub) => sayMessage(sub, instance, ns));
  const count = m.params?.count;
  // `count` picks the plural; the sentence shows it in the language's figures ("1.234"), as every other figure.
  return instance.t(m.key, { ns: ns as string[], replace: values, ...(typeof count === 'number' ? { count } : {}) });
}

/** `say(message)` in the current UI language, re-rendering when it changes. */
export function useSayMessage(): (m: Message) => string {
  const { i18n: instance } = useTranslation('checks');
  return (m) => sayMessage(m, instance);
}
