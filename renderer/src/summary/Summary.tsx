import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Blocker } from '../../../shared/domain/score';
import { useClient } from '../api/context';
import { AuditFrame } from '../app/AuditFrame';
import { href, navigate } from '../app/router';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import type { AuditData } from '../app/useAuditData';
import { indexTemplate } from '../walkthrough/model';
import { StartFollowUp } from '../followup/StartFollowUp';
import { FollowUpSummary } from '../followup/FollowUpSummary';
import { followUpDue } from '../../../shared/domain/followup-grade';
import { FinalizeDialog } from './FinalizeDialog';
import { ReportPanel } from '../report/ReportPanel';
import { ZeroToleranceAlert } from './ZeroToleranceAlert';
import { sayMessage } from '../i18n/messages';
import { templateLanguages } from '../../../shared/template/translations';

export function Summary({ data, onChanged }: { data: AuditData; onChanged(): void }) {
  const { t } = useTranslation('followup');
  const { detail, template } = data;
  const client = useClient();
  const auditId = detail.audit.id;
  const finalized = detail.audit.status === 'finalized';
  const [score, reload] = useAsync(() => client.call('audits.score', { id: auditId }), `${auditId}:${detail.audit.updatedAt}`);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const index = indexTemplate(template);
  const label = (b: Blocker) => {
    const e = index.byId.get(b.itemId);
    return t('summary.blocker', { item: e ? `${e.number} ${e.item.prompt}` : b.itemId, reason: t(`reason.${b.reason}`) });
  };

  const finalize = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.call('audits.finalize', { id: auditId });
      setConfirm(false);
      onChanged();
    } catch (err) {
      setConfirm(false);
      setError(err);
      reload();
    } finally {
      setBusy(false);
    }
  };
  const reopen = async () => {
    setError(null);
    try {
      const a = await client.call('audits.reopen', { id: auditId });
      navigate({ name: 'walk', auditId: a.id, itemId: null });
    } catch (err) {
      setError(err);
    }
  };

  // A follow-up is rated and finalized by its own rules.
  if (detail.audit.kind === 'follow_up') return <FollowUpSummary data={data} onChanged={onChanged} />;

  return (
    <AuditFrame detail={detail} tab="summary">
      <div className="page">
        <h2>{t('summary.title')}</h2>
        {error !== null && <ErrorPanel error={error} />}
        {score.status === 'loading' && <Loading what={t('summary.scores')} />}
        {score.status === 'error' && <ErrorPanel error={score.error} onRetry={reload} />}
        {score.status === 'ready' && (() => {
          const s = score.value;
          return (
            <>
              {s.zeroToleranceAlerts ? (
                <ZeroToleranceAlert alerts={s.zeroToleranceAlerts} auditId={auditId} number={(id) => index.byId.get(id)?.number ?? ''} />
              ) : s.zeroTolerance && (
                <div className="banner banner--zt" role="alert">
                  <strong>{t('summary.ztTitle')}</strong> {t('summary.ztText')}
                </div>
              )}
              <div className="summary-top">
                <div className="band" style={{ '--band': s.band.color } as CSSProperties}>
                  <span className="band__letter">{s.band.band}</span>
                  <span className="band__label">{t('summary.rating')}</span>
                </div>
                <dl className="stats">
                  <div><dt>{template.rating ? t('summary.compliance') : t('summary.overall')}</dt><dd>{s.percent === null ? '—' : t('summary.percent', { value: Math.round(s.percent) })}</dd></div>
                  <div>
                    <dt>{t('summary.answered')}</dt>
                    <dd>
                      {t('summary.answeredOf', { answered: s.answered, total: s.total })}
                      {s.answered < s.total && <span className="stats__note">{t('summary.provisional')}</span>}
                    </dd>
                  </div>
                  {(['critical', 'major', 'minor'] as const).map((k) => (
                    <div key={k}><dt>{t(`severity.${k}`)}</dt><dd className={s.counts[k] ? `count count--${k}` : 'count'}>{s.counts[k]}</dd></div>
                  ))}
                </dl>
                <div className="summary-actions">
                  {finalized ? (
                    <button type="button" className="btn btn--primary" onClick={() => void reopen()}>{t('summary.reopen')}</button>
                  ) : (
                    <button type="button" className="btn btn--primary" onClick={() => setConfirm(true)}>{t('summary.finalize')}</button>
                  )}
                </div>
              </div>

              {s.caps && s.caps.length > 0 && (
                <p className="rating-caps">
                  {t('summary.capped', { area: s.areaGrade, band: s.band.band, reasons: s.caps.map((c) => (c.text ? sayMessage(c.text) : c.reason)).join('; ') })}
                </p>
              )}

              <table className="grid scores">
                <caption>{template.rating ? t('summary.byArea') : t('summary.bySection')}</caption>
                <thead><tr><th scope="col">{t('summary.section')}</th>{template.rating && <th scope="col">{t('summary.grade')}</th>}<th scope="col">{t('summary.score')}</th><th scope="col">{t('summary.answered')}</th><th scope="col">{t('severity.critical')}</th><th scope="col">{t('severity.major')}</th><th scope="col">{t('severity.minor')}</th></tr></thead>
                <tbody>
                  {s.sections.map((sec) => (
                    <tr key={sec.sectionId}>
                      <th scope="row">{sec.title}</th>
                      {template.rating && (
                        <td>
                          {sec.band ? <span className="grade-chip" style={{ '--band': sec.band.color } as CSSProperties}>{sec.band.band}</span> : '—'}
                          {sec.caps?.map((c, i) => <span key={i} className="grade-cap">{c.text ? sayMessage(c.text) : c.reason}</span>)}
                        </td>
                      )}
                      <td>
                        <span className="meter" aria-hidden="true"><span className="meter__bar" style={{ width: `${sec.percent ?? 0}%` }} /></span>
                        {sec.percent === null ? '—' : t('summary.percent', { value: Math.round(sec.percent) })}
                      </td>
                      <td>{t('summary.answeredOf', { answered: sec.answered, total: sec.total })}</td>
                      <td>{sec.counts.critical}</td><td>{sec.counts.major}</td><td>{sec.counts.minor}</td>
                    </tr>
                  ))}
                </tbody>
              </table>

              {s.explanation && (
                <section className="rating-how" aria-labelledby="rating-how-title">
                  <h3 id="rating-how-title">{t('summary.how')}</h3>
                  <p>{s.explanationMessages ? s.explanationMessages.map((m) => sayMessage(m)).join(' ') : s.explanation}</p>
                </section>
              )}

              {!finalized && (
                <section className="blockers-panel" aria-labelledby="blockers-title">
                  <h3 id="blockers-title">{s.blockers.length ? t('summary.blocking', { count: s.blockers.length }) : t('summary.noBlocker')}</h3>
                  {s.blockers.length > 0 && (
                    <ul className="blockers">
                      {s.blockers.map((b, i) => (
                        <li key={i}><a href={href({ name: 'walk', auditId, itemId: b.itemId })}>{label(b)}</a></li>
                      ))}
                    </ul>
                  )}
                </section>
              )}
              {finalized && <StartFollowUp audit={detail.audit} due={!!template.rating && followUpDue(template.rating, s.band.band)} />}
              <ReportPanel auditId={auditId} finalized={finalized} version={detail.audit.updatedAt} languages={templateLanguages(template)} />
              {confirm && <FinalizeDialog blockers={s.blockers} busy={busy} describe={label} sectionTitle={(id) => template.sections.find((x) => x.id === id)?.title ?? id} onConfirm={() => void finalize()} onClose={() => setConfirm(false)} />}
            </>
          );
        })()}
      </div>
    </AuditFrame>
  );
}

