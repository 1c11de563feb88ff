import { useState } from 'react';

interface Props {
  value: number | null;
  label: string;
  disabled?: boolean;
  integer?: boolean;
  /** Empty text means "no value" (null) instead of 0. */
  nullable?: boolean;
  onChange(n: number | null): void;
  className?: string;
}

const parse = (t: string, nullable: boolean): number | null => (t.trim() === '' ? (nullable ? null : 0) : Number(t.replace(',', '.')));
const show = (v: number | null) => (v === null ? '' : String(v));

/** A number field that keeps what is typed ("", "4.") while passing on valid numbers. */
export function NumberCell({ value, label, disabled, integer, nullable = false, onChange, className }: Props) {
  const [text, setText] = useState(() => show(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (a row removed, a reload) replaces the text.
  if (shown !== value && parse(text, nullable) !== value) {
    setShown(value);
    setText(show(value));
  }
  const valid = (n: number | null) => n === null || (Number.isFinite(n) && n >= 0 && (!integer || Number.isInteger(n)));
  const invalid = !valid(parse(text, nullable));
  return (
    <input
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      className={`num${invalid ? ' num--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const n = parse(t, nullable);
        if (valid(n)) {
          setShown(n);
          onChange(n);
        }
      }}
    />
  );
}
