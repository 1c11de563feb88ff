// A question asked inside the app instead of window.confirm: it speaks the
// UI language, holds the keyboard while open (Modal: focus inside, Tab
// cycles, Escape cancels) and starts on the safe answer, so Enter alone never
// does the irreversible thing.
import { useId, useRef, type ReactNode } from 'react';
import { Modal } from '../app/Modal';

export function ConfirmDialog({ title, children, confirm, cancel, danger = false, busy = false, onConfirm, onCancel }: {
  title: string; children: ReactNode; confirm: string; cancel: string; danger?: boolean; busy?: boolean; onConfirm(): void; onCancel(): void;
}) {
  const id = useId();
  const safe = useRef<HTMLButtonElement>(null);
  return (
    <Modal labelledBy={`${id}-title`} onClose={onCancel} initialFocus={safe}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="form__actions">
        <button ref={safe} type="button" className="btn" onClick={onCancel}>{cancel}</button>
        <button type="button" className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`} disabled={busy} onClick={onConfirm}>{confirm}</button>
      </div>
    </Modal>
  );
}
