// At each item of the walkthrough, what the site's last audit found there:
// the answer, the severity and each corrective action with its status now,
// so the auditor checks first what was wrong last time.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LastAudit, LastAuditItem } from '../../../shared/domain/followup';
import { useClient } from '../api/context';
import { useAsync } from '../app/useAsync';
import { formatDate } from '../followup/format';
import '../followup/followup.css';

/** What the item card shows: the item's row of last time (or just its answer), and which audit that was. */
export interface PreviousItem {
  auditStart: string;
  item: Pick<LastAuditItem, 'itemId' | 'answer' | 'severity' | 'zeroTolerance' | 'note' | 'actions'>;
}

/** Per item of this audit, last time's result; empty when the site has no earlier finalized audit. */
export function usePreviousResults(auditId: string): Map<string, PreviousItem> {
  const client = useClient();
  const [state] = useAsync(() => client.call('followup.lastAudit', { auditId }), `previous:${auditId}`);
  const last: LastAudit | null = state.status === 'ready' ? state.value : null;
  return useMemo(() => {
    const out = new Map<string, PreviousItem>();
    if (!last) return out;
    for (const i of last.items) out.set(i.itemId, { auditStart: last.startDate, item: i });
    for (const q of last.quiet) {
      out.set(q.itemId, { auditStart: last.startDate, item: { itemId: q.itemId, answer: q.answer, severity: null, zeroTolerance: false, actions: [], note: '' } });
    }
    return out;
  }, [last]);
}

/** Whether last time's result at this item calls for attention (a finding or a non-compliant answer). */
export const wasFinding = (p: PreviousItem | undefined): boolean => !!p && (p.item.severity !== null || p.item.answer === 'non_compliant' || p.item.actions.length > 0);

export function PreviousResult({ previous }: { previous: PreviousItem }) {
  const { t, i18n } = useTranslation('followup');
  const { item } = previous;
  const answer = t(`last.outcome.${item.answer}`, { defaultValue: item.answer });
  return (
    <aside className={`previous-result${wasFinding(previous) ? ' previous-result--finding' : ''}`} aria-label={t('prev.label')} data-testid="previous-result">
      <p>
        <strong>{t('prev.title', { date: formatDate(previous.auditStart, i18n.language) })}</strong>{' '}
        {item.severity
          ? t(item.zeroTolerance ? 'prev.answerSeverityZt' : 'prev.answerSeverity', { answer, severity: t(`severity.${item.severity}`) })
          : t('prev.answer', { answer })}
      </p>
      {item.note && <p className="text-muted">{t('prev.note', { note: item.note })}</p>}
      {item.actions.length > 0 && (
        <ul className="plain-list">{item.actions.map((a, k) => <li key={k}>{t('last.action', { action: a.action, status: t(`track.status.${a.status}`) })}</li>)}</ul>
      )}
    </aside>
  );
}
