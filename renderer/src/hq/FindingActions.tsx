// A finding's corrective actions in the tracker: how many are closed now, and
// each one with where it stands (a finding is closed only when all are).
import { useTranslation } from 'react-i18next';
import type { HqFindingAction } from '../../../shared/domain/hq-cycle';
import { ClosureText } from './CyclePanel';
import { useFormat } from './format';

export function FindingActions({ actions }: { actions: HqFindingAction[] }) {
  const { t } = useTranslation('closure');
  const { t: tf } = useTranslation('followup');
  const f = useFormat();
  const closed = actions.filter((a) => a.status === 'closed').length;
  return (
    <div data-testid="finding-actions">
      <strong>{t('tracker.closedOf', { count: actions.length, closed: f.number(closed) })}</strong>
      <ul className="plain-list hq-finding-actions" aria-label={t('tracker.actionsLabel')}>
        {actions.map((a) => (
          <li key={a.actionId} data-action={a.actionId} data-status={a.status}>
            {a.closure ? <>{a.action} — <ClosureText c={a.closure} /></> : t('tracker.actionLine', { action: a.action, status: tf(`track.status.${a.status}`) })}
            <span className="text-muted"> · {a.dueDate ? t('tracker.due', { date: f.date(a.dueDate) }) : t('tracker.collaborative')}</span>
            {a.overdue && <strong className="overdue"> {t('tracker.overdue')}</strong>}
          </li>
        ))}
      </ul>
    </div>
  );
}
