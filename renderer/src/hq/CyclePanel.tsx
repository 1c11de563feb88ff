// The cycle after an audit, as HQ holds it: which audit a follow-up follows
// and the follow-ups of an audit, and each corrective action's life after
// finalize (status, who verified, when, every step, and the evidence of
// closure with its files: ClosureEvidence).
import { useTranslation } from 'react-i18next';
import type { HqAuditDetail } from '../../../shared/domain/hq';
import type { HqClosure, HqLinkedAudit } from '../../../shared/domain/hq-cycle';
import { useFormat } from './format';
import { hqHref } from './routes';
import { ClosureEvidence } from './ClosureEvidence';

function LinkedAudit({ a }: { a: HqLinkedAudit }) {
  const { t } = useTranslation('followup');
  const f = useFormat();
  if (!a.held) return <span>{t('hq.notHeld', { id: a.auditId })}</span>;
  return (
    <a href={hqHref({ name: 'audit', auditId: a.auditId })}>
      {t('hq.linked', { site: a.siteName ?? '', date: a.startDate ? f.date(a.startDate) : '' })}
    </a>
  );
}

/** One line: status, who verified and when, how much evidence. */
export function ClosureText({ c }: { c: HqClosure }) {
  const { t } = useTranslation('followup');
  const f = useFormat();
  return (
    <span className="hq-closure" data-status={c.status}>
      <strong>{t(`track.status.${c.status}`)}</strong>
      {c.date && <> · {c.verifiedBy ? t('hq.verifiedOn', { who: c.verifiedBy, date: f.date(c.date) }) : t('hq.since', { date: f.date(c.date) })}</>}
      {' · '}{t('hq.evidence', { count: c.evidenceCount, n: f.number(c.evidenceCount) })}
    </span>
  );
}

export function CyclePanel({ a }: { a: HqAuditDetail }) {
  const { t } = useTranslation('followup');
  const f = useFormat();
  const { cycle } = a;
  if (!cycle.followUpOf && !cycle.followUps.length && !cycle.actions.length) return null;
  const actionText = (id: string) => a.actions.find((x) => x.id === id)?.action ?? id;
  return (
    <section className="panel" aria-labelledby="cycle-h">
      <h2 id="cycle-h">{t('hq.title')}</h2>
      {cycle.followUpOf && (
        <p data-testid="follow-up-of">{t(`hq.followUpOf.${cycle.followUpOf.mode === 'desk_review' ? 'desk_review' : 'on_site'}`)} <LinkedAudit a={cycle.followUpOf} /></p>
      )}
      {cycle.followUps.length > 0 && (
        <>
          <h3>{t('hq.followUps', { count: cycle.followUps.length })}</h3>
          <ul className="plain-list" data-testid="follow-ups">{cycle.followUps.map((x) => (
            <li key={x.auditId}><LinkedAudit a={x} />{x.status && <> · {t(`hq.auditStatus.${x.status === 'finalized' ? 'finalized' : 'open'}`)}</>}</li>
          ))}</ul>
        </>
      )}
      {cycle.actions.length > 0 && (
        <div className="table-scroll"><table className="table" aria-label={t('hq.actionsLabel')}>
          <thead><tr>
            <th scope="col">{t('hq.action')}</th>
            <th scope="col">{t('hq.closure')}</th>
            <th scope="col">{t('hq.history')}</th>
          </tr></thead>
          <tbody>{cycle.actions.map((x) => (
            <tr key={x.actionId} data-action={x.actionId}>
              <td>{actionText(x.actionId)}</td>
              <td><ClosureText c={x.closure} /></td>
              <td><ol className="plain-list">
                {x.history.map((h, i) => (
                  <li key={i}>{h.verification
                    ? t('hq.stepVerified', { date: f.date(h.date), status: t(`track.status.${h.status}`), verification: t(`fu.verification.${h.verification}`) })
                    : t('hq.step', { date: f.date(h.date), status: t(`track.status.${h.status}`) })}
                    {h.note && <span className="text-muted"> — {h.note}</span>}</li>
                ))}
              </ol>
              <ClosureEvidence items={x.evidence} action={actionText(x.actionId)} /></td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
