import { useId, useState } from 'react';
import { formatNumber, parseNumber, type NumberRules } from '../../../shared/locale-number';
import { useNumberLocale } from '../api/locale';
import { numberMessage } from '../i18n/validation';

interface Props extends Pick<NumberRules, 'max' | 'integer' | 'unit'> {
  value: number | null;
  label: string;
  disabled?: boolean;
  /** Empty text, and text that is not a number, pass on null: nothing is judged on a value not shown. */
  onChange(n: number | null): void;
  className?: string;
}

const show = (v: number | null, locale: string) => (v === null ? '' : formatNumber(v, locale));

/**
 * A number field read in the user's locale ("18,500" is 18500 in English).
 * Text that is not a number there is kept as typed and refused with a
 * message beside the field, never reinterpreted or clamped.
 */
export function NumberCell({ value, label, disabled, integer, max, unit, onChange, className }: Props) {
  const locale = useNumberLocale();
  const errId = useId();
  const [text, setText] = useState(() => show(value, locale));
  const [shown, setShown] = useState(value);
  // A new value from outside (a row removed, a reload) replaces the text.
  if (shown !== value) {
    setShown(value);
    setText(show(value, locale));
  }
  const parsed = parseNumber(text, locale, { integer, max, unit });
  const error = parsed.ok ? null : numberMessage(parsed);
  return (
    <span className="num-field">
      <input
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        className={`num${error ? ' num--invalid' : ''}${className ? ` ${className}` : ''}`}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const p = parseNumber(t, locale, { integer, max, unit });
          const n = p.ok ? p.value : null;
          setShown(n);
          onChange(n);
        }}
      />
      {error && <span className="num-field__error" id={errId} role="alert">{error}</span>}
    </span>
  );
}
