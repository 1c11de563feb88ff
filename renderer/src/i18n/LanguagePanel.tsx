// Settings: the UI language (default: the system's) and the format numbers
// are typed and shown in (default: the UI language's). Kept on this
// computer; the change applies at once, without a restart.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, systemLanguage, type Language } from './index';
import { numberLocaleChanged, useLocaleFormat } from './format';
import { NUMBER_LOCALES, storedLanguage, storedNumberLocale, storeNumberLocale } from './preferences';
import { formatNumber } from '../../../shared/locale-number';


/** A language named in itself ("Español"), as people look for it. */
const autonym = (lang: string) => {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
};

export function LanguagePanel() {
  const { t, i18n } = useTranslation('settings');
  const f = useLocaleFormat();
  const id = useId();
  const [lang, setLang] = useState<Language | ''>(() => storedLanguage() ?? '');
  const [numbers, setNumbers] = useState(() => storedNumberLocale() ?? '');
  const region = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const example = formatNumber(18500.5, f.numberLocale);

  return (
    <section className="panel language-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('language.title')}</h2>
      <div className="form__grid">
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('language.label')}</label>
          <select
            id={`${id}-lang`}
            value={lang}
            onChange={(e) => {
              const v = (e.target.value || null) as Language | null;
              setLang(v ?? '');
              void chooseLanguage(v);
            }}
          >
            <option value="">{t('language.system', { name: autonym(systemLanguage()) })}</option>
            {LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{autonym(l)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-num`}>{t('language.numbers')}</label>
          <select
            id={`${id}-num`}
            value={numbers}
            aria-describedby={`${id}-num-hint`}
            onChange={(e) => {
              setNumbers(e.target.value);
              storeNumberLocale(e.target.value || null);
              numberLocaleChanged();
            }}
          >
            <option value="">{t('language.numbersDefault')}</option>
            {NUMBER_LOCALES.map((l) => (
              <option key={l} value={l}>{t('language.numberOption', { name: region.of(l) ?? l, example: formatNumber(18500.5, l) })}</option>
            ))}
          </select>
          <p className="field__hint" id={`${id}-num-hint`}>{t('language.numbersHint', { example })}</p>
        </div>
      </div>
    </section>
  );
}
