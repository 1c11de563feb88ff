import { useState } from 'react';

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
  return (
    <div className={`field note${missing ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        Note{required && <span className="req"> (required)</span>} <kbd aria-hidden="true">n</kbd>
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
      {missing && <p className="field__error" id={`${id}-err`}>Describe what you saw: a note is required for this answer.</p>}
    </div>
  );
}
