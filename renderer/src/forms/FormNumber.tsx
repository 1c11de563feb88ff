// A number field of a form, read in the user's locale like the sample
// tables' cells. Text that is not a number keeps the form from saving and
// says why beside the field; the form's own limits show there too.
import { useId, useState } from 'react';
import { formatNumber, parseNumber, type NumberRules } from '../../../shared/locale-number';
import { useNumberLocale } from '../api/locale';
import { sentence } from './Field';
import { useTranslation } from 'react-i18next';
import { numberMessage } from '../i18n/validation';

interface Props extends NumberRules {
  label: string;
  hint?: string;
  value: number | null | undefined;
  /** A limit the schema found (shown when the text itself is a number). */
  error?: string | undefined;
  className?: string;
  /** Empty is not allowed. */
  required?: boolean;
  onChange(value: number | null): void;
  /** Whether the text is a number at all: the form does not save while one is not. */
  onValidity(message: string | null): void;
}

export function FormNumber({ label, hint, value, error, className, required, onChange, onValidity, ...rules }: Props) {
  const locale = useNumberLocale();
  const id = useId();
  const { t: tv } = useTranslation('validation');
  const show = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatNumber(v, locale));
  const [text, setText] = useState(() => show(value));
  const [shown, setShown] = useState(value);
  // A value set from outside (a country profile filled in) replaces the text.
  if (shown !== value) {
    setShown(value);
    setText(show(value));
  }
  const check = (t: string) => {
    const p = parseNumber(t, locale, rules);
    return p.ok && p.value === null && required ? { ok: false as const, message: tv('required') } : p;
  };
  const parsed = check(text);
  const message = parsed.ok ? error : 'code' in parsed ? numberMessage(parsed) : parsed.message;
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = message ? `${id}-err` : undefined;
  return (
    <div className={`field${message ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={rules.integer ? 'numeric' : 'decimal'}
        value={text}
        aria-invalid={message ? true : undefined}
        aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const p = check(e.target.value);
          onValidity(p.ok ? null : 'code' in p ? numberMessage(p) : p.message);
          setShown(p.ok ? p.value : null);
          onChange(p.ok ? p.value : null);
        }}
      />
      {hint && <p className="field__hint" id={hintId}>{hint}</p>}
      {message && <p className="field__error" id={errId} role="alert">{sentence(message)}</p>}
    </div>
  );
}
