import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('followup');
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
        <h2 id="fin-title">{ready ? t('fin.ready') : t('fin.notReady')}</h2>
        {ready ? (
          <p>{t('fin.explain')}</p>
        ) : (
          <>
            <p>{t('fin.missing')}</p>
            <ul className="blockers">
              {s.unansweredTotal > 0 && (
                <li>
                  {t('fin.unanswered', { count: s.unansweredTotal, sections: s.unanswered.map(([id, n]) => t('fin.sectionCount', { section: sectionTitle(id), count: n })).join(', ') })}
                </li>
              )}
              {s.other.slice(0, 10).map((b, i) => <li key={i}>{describe(b)}</li>)}
              {s.other.length > 10 && <li>{t('fin.more', { count: s.other.length - 10 })}</li>}
            </ul>
          </>
        )}
        <div className="form__actions">
          <button ref={ready ? undefined : first} type="button" className="btn" onClick={onClose}>{ready ? t('fin.cancel') : t('fin.back')}</button>
          {ready && <button ref={first} type="button" className="btn btn--primary" disabled={busy} onClick={onConfirm}>{busy ? t('fin.busy') : t('fin.confirm')}</button>}
        </div>
      </div>
    </div>
  );
}
