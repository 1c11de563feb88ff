import { useEffect, useRef } from 'react';
import type { Blocker } from '../../../shared/domain/score';

interface Props {
  blockers: Blocker[];
  busy: boolean;
  onConfirm(): void;
  onClose(): void;
  describe(b: Blocker): string;
}

export function FinalizeDialog({ blockers, busy, onConfirm, onClose, describe }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => { first.current?.focus(); }, []);
  useEffect(() => {
    const k = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    document.addEventListener('keydown', k);
    return () => document.removeEventListener('keydown', k);
  }, [onClose]);
  const ready = blockers.length === 0;
  return (
    <div className="overlay" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="fin-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="fin-title">{ready ? 'Finalize this audit?' : 'This audit cannot be finalized yet'}</h2>
        {ready ? (
          <p>Once finalized, the audit is locked: answers, findings and corrective actions become read-only and its content is sealed with a hash. You can still reopen it later as a new revision.</p>
        ) : (
          <>
            <p>{blockers.length} {blockers.length === 1 ? 'thing is' : 'things are'} missing:</p>
            <ul className="blockers">{blockers.slice(0, 12).map((b, i) => <li key={i}>{describe(b)}</li>)}</ul>
            {blockers.length > 12 && <p className="text-muted">…and {blockers.length - 12} more, listed on the summary.</p>}
          </>
        )}
        <div className="form__actions">
          <button ref={ready ? undefined : first} type="button" className="btn" onClick={onClose}>{ready ? 'Cancel' : 'Back to the summary'}</button>
          {ready && <button ref={first} type="button" className="btn btn--primary" disabled={busy} onClick={onConfirm}>{busy ? 'Finalizing…' : 'Finalize and lock'}</button>}
        </div>
      </div>
    </div>
  );
}
