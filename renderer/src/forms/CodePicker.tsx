// Choosing a code from a long list (countries, currencies) by name: a filter
// box narrows a native list box, which keeps the keyboard and screen-reader
// behaviour of a select. The stored value is the code, never a typed name.
import { useId, useMemo, useState } from 'react';
import type { CodeOption } from '../../../shared/iso-codes';
import { sentence } from './Field';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  options: CodeOption[];
  value: string;
  error?: string | undefined;
  onChange(code: string): void;
}

export function CodePicker({ label, options, value, error, onChange }: Props) {
  const id = useId();
  const { t } = useTranslation('forms');
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase();
    if (!q) return options;
    return options.filter((o) => o.code.toLocaleLowerCase() === q || o.name.toLocaleLowerCase().includes(q) || o.code.toLocaleLowerCase().startsWith(q));
  }, [filter, options]);
  // The chosen option stays in the list while it is filtered out, so the select shows it.
  const chosen = options.find((o) => o.code === value);
  const list = chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  const errId = `${id}-err`;
  return (
    <div className={`field code-picker${error ? ' field--error' : ''}`}>
      <label htmlFor={`${id}-select`}>{label}</label>
      <input
        type="search"
        className="code-picker__filter"
        aria-label={t('code.search', { label: label.toLocaleLowerCase() })}
        placeholder={t('code.placeholder')}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          const q = e.target.value.trim().toLocaleLowerCase();
          const exact = options.filter((o) => o.name.toLocaleLowerCase() === q || o.code.toLocaleLowerCase() === q);
          if (exact.length === 1) onChange(exact[0]!.code);
        }}
      />
      <select
        id={`${id}-select`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{list.length ? t('code.choose') : t('code.none')}</option>
        {list.map((o) => <option key={o.code} value={o.code}>{t('code.option', { name: o.name, code: o.code })}</option>)}
      </select>
      {error && <p className="field__error" id={errId} role="alert">{sentence(error)}</p>}
    </div>
  );
}
