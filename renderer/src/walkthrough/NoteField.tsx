import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  initial: string;
  required: boolean;
  readOnly: boolean;
  onText(text: string): void;
}

/**
 * The note keeps its own text so a keystroke repaints only this field; the
 * walkthrough hears of it at once (autosave) and re-renders at low priority.
 * Nothing else writes an open note, so the initial text is all it needs.
 */
export function NoteField({ id, initial, required, readOnly, onText }: Props) {
  const [text, setText] = useState(initial);
  const missing = required && !text.trim();
  const { t } = useTranslation('walkthrough');
  return (
    <div className={`field note${missing ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {t('note.label')}{required && <span className="req">{t('required')}</span>} <kbd aria-hidden="true">n</kbd>
      </label>
      <textarea
        id={id}
        rows={3}
        value={text}
        disabled={readOnly}
        maxLength={20_000}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-err` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onText(e.target.value);
        }}
      />
      {missing && <p className="field__error" id={`${id}-err`}>{t('note.required')}</p>}
    </div>
  );
}
