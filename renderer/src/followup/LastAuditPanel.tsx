// What was found at this site last time, item by item: the answer, the
// severity and each corrective action with its status now, so the auditor
// checks the right things first.
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { href } from '../app/router';
import { useAsync } from '../app/useAsync';
import { formatDate } from './format';
import './followup.css';

export function LastAuditPanel({ auditId }: { auditId: string }) {
  const { t, i18n } = useTranslation('followup');
  const client = useClient();
  const [state] = useAsync(() => client.call('followup.lastAudit', { auditId }), `last:${auditId}`);
  if (state.status !== 'ready' || !state.value) return null;
  const last = state.value;
  const lang = i18n.language;
  return (
    <section className="panel last-audit" aria-labelledby="last-audit-h">
      <h2 id="last-audit-h">{t('last.title', { start: formatDate(last.startDate, lang), end: formatDate(last.endDate, lang), grade: last.grade ?? '—' })}</h2>
      <p className="text-muted">{t('last.intro', { count: last.others })} <a href={href({ name: 'findings', auditId: last.id })}>{t('last.open')}</a></p>
      <table className="grid">
        <thead><tr><th scope="col">{t('last.item')}</th><th scope="col">{t('last.answer')}</th><th scope="col">{t('last.severity')}</th><th scope="col">{t('last.actions')}</th></tr></thead>
        <tbody>
          {last.items.map((i) => (
            <tr key={i.itemId}>
              <th scope="row"><a href={href({ name: 'walk', auditId, itemId: i.itemId })}>{i.prompt}</a><span className="text-muted"> · {i.sectionTitle}</span></th>
              <td>{t(`last.outcome.${i.answer}`, { defaultValue: i.answer })}</td>
              <td>{i.severity ? t(`severity.${i.severity}`) : '—'}{i.zeroTolerance ? ` · ${t('findings.zeroTolerance')}` : ''}</td>
              <td>{i.actions.length ? i.actions.map((a, k) => <div key={k}>{t('last.action', { action: a.action, status: t(`track.status.${a.status}`) })}</div>) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
