import { useEffect, useRef } from 'react';
import type { Blocker } from '../../../shared/domain/score';

interface Props {
  blockers: Blocker[];
  sectionTitle(sectionId: string): string;
  describe(b: Blocker): string;
  busy: boolean;
  onConfirm(): void;
  onClose(): void;
}

/** Unanswered items by section (there can be a hundred); other gaps one by one. */
function summarize(blockers: Blocker[]) {
  const unanswered = new Map<string, number>();
  const other: Blocker[] = [];
  for (const b of blockers) {
    if (b.reason === 'unanswered') unanswered.set(b.sectionId, (unanswered.get(b.sectionId) ?? 0) + 1);
    else other.push(b);
  }
  return { unanswered: [...unanswered.entries()], unansweredTotal: blockers.length - other.length, other };
}

export function FinalizeDialog({ blockers, sectionTitle, describe, busy, onConfirm, onClose }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => { first.current?.focus(); }, []);
  useEffect(() => {
    const k = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    document.addEventListener('keydown', k);
    return () => document.removeEventListener('keydown', k);
  }, [onClose]);
  const ready = blockers.length === 0;
  const s = summarize(blockers);
  return (
    <div className="overlay" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="fin-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="fin-title">{ready ? 'Finalize this audit?' : 'This audit cannot be finalized yet'}</h2>
        {ready ? (
          <p>Once finalized, the audit is locked: answers, findings and corrective actions become read-only and its content is sealed with a hash. You can still reopen it later as a new revision.</p>
        ) : (
          <>
            <p>Still missing:</p>
            <ul className="blockers">
              {s.unansweredTotal > 0 && (
                <li>
                  {s.unansweredTotal} required {s.unansweredTotal === 1 ? 'item is' : 'items are'} not answered:{' '}
                  {s.unanswered.map(([id, n]) => `${sectionTitle(id)} (${n})`).join(', ')}
                </li>
              )}
              {s.other.slice(0, 10).map((b, i) => <li key={i}>{describe(b)}</li>)}
              {s.other.length > 10 && <li>…and {s.other.length - 10} more, listed on the summary.</li>}
            </ul>
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
