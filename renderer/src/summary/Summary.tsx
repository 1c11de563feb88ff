import { useState, type CSSProperties } from 'react';
import type { Blocker } from '../../../shared/domain/score';
import { useClient } from '../api/context';
import { AuditFrame } from '../app/AuditFrame';
import { href, navigate } from '../app/router';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import type { AuditData } from '../app/useAuditData';
import { indexTemplate, SEVERITY_LABEL } from '../walkthrough/model';
import { FinalizeDialog } from './FinalizeDialog';
import { ReportPanel } from '../report/ReportPanel';
import { ZeroToleranceAlert } from './ZeroToleranceAlert';

const REASON: Record<Blocker['reason'], string> = {
  unanswered: 'not answered',
  missing_severity: 'severity missing',
  missing_note: 'note missing',
  missing_evidence: 'evidence missing',
};

export function Summary({ data, onChanged }: { data: AuditData; onChanged(): void }) {
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
    return `${e ? `${e.number} ${e.item.prompt}` : b.itemId}: ${REASON[b.reason]}`;
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

  return (
    <AuditFrame detail={detail} tab="summary">
      <div className="page">
        <h2>Summary</h2>
        {error !== null && <ErrorPanel error={error} />}
        {score.status === 'loading' && <Loading what="scores" />}
        {score.status === 'error' && <ErrorPanel error={score.error} onRetry={reload} />}
        {score.status === 'ready' && (() => {
          const s = score.value;
          return (
            <>
              {s.zeroToleranceAlerts ? (
                <ZeroToleranceAlert alerts={s.zeroToleranceAlerts} auditId={auditId} number={(id) => index.byId.get(id)?.number ?? ''} />
              ) : s.zeroTolerance && (
                <div className="banner banner--zt" role="alert">
                  <strong>Zero-tolerance finding.</strong> The audit fails whatever the score: a zero-tolerance issue was recorded (child or forced labour, imminent danger to life, or bribery).
                </div>
              )}
              <div className="summary-top">
                <div className="band" style={{ '--band': s.band.color } as CSSProperties}>
                  <span className="band__letter">{s.band.band}</span>
                  <span className="band__label">Rating</span>
                </div>
                <dl className="stats">
                  <div><dt>{template.rating ? 'Compliance rate' : 'Overall score'}</dt><dd>{s.percent === null ? '—' : `${Math.round(s.percent)} %`}</dd></div>
                  <div>
                    <dt>Answered</dt>
                    <dd>
                      {s.answered} / {s.total}
                      {s.answered < s.total && <span className="stats__note">Provisional until every item is answered</span>}
                    </dd>
                  </div>
                  {(['critical', 'major', 'minor'] as const).map((k) => (
                    <div key={k}><dt>{SEVERITY_LABEL[k]}</dt><dd className={s.counts[k] ? `count count--${k}` : 'count'}>{s.counts[k]}</dd></div>
                  ))}
                </dl>
                <div className="summary-actions">
                  {finalized ? (
                    <button type="button" className="btn btn--primary" onClick={() => void reopen()}>Reopen as new revision</button>
                  ) : (
                    <button type="button" className="btn btn--primary" onClick={() => setConfirm(true)}>Finalize audit…</button>
                  )}
                </div>
              </div>

              {s.caps && s.caps.length > 0 && (
                <p className="rating-caps">
                  The areas give <strong>{s.areaGrade}</strong>; capped at <strong>{s.band.band}</strong> because {s.caps.map((c) => c.reason).join('; ')}.
                </p>
              )}

              <table className="grid scores">
                <caption>{template.rating ? 'Grades by area' : 'Scores by section'}</caption>
                <thead><tr><th scope="col">Section</th>{template.rating && <th scope="col">Grade</th>}<th scope="col">Score</th><th scope="col">Answered</th><th scope="col">Critical</th><th scope="col">Major</th><th scope="col">Minor</th></tr></thead>
                <tbody>
                  {s.sections.map((sec) => (
                    <tr key={sec.sectionId}>
                      <th scope="row">{sec.title}</th>
                      {template.rating && (
                        <td>
                          {sec.band ? <span className="grade-chip" style={{ '--band': sec.band.color } as CSSProperties}>{sec.band.band}</span> : '—'}
                          {sec.caps?.map((c, i) => <span key={i} className="grade-cap">{c.reason}</span>)}
                        </td>
                      )}
                      <td>
                        <span className="meter" aria-hidden="true"><span className="meter__bar" style={{ width: `${sec.percent ?? 0}%` }} /></span>
                        {sec.percent === null ? '—' : `${Math.round(sec.percent)} %`}
                      </td>
                      <td>{sec.answered} / {sec.total}</td>
                      <td>{sec.counts.critical}</td><td>{sec.counts.major}</td><td>{sec.counts.minor}</td>
                    </tr>
                  ))}
                </tbody>
              </table>

              {s.explanation && (
                <section className="rating-how" aria-labelledby="rating-how-title">
                  <h3 id="rating-how-title">How this audit was rated</h3>
                  <p>{s.explanation}</p>
                </section>
              )}

              {!finalized && (
                <section className="blockers-panel" aria-labelledby="blockers-title">
                  <h3 id="blockers-title">{s.blockers.length ? `${s.blockers.length} ${s.blockers.length === 1 ? 'item blocks' : 'items block'} finalizing` : 'No item blocks finalizing'}</h3>
                  {s.blockers.length > 0 && (
                    <ul className="blockers">
                      {s.blockers.map((b, i) => (
                        <li key={i}><a href={href({ name: 'walk', auditId, itemId: b.itemId })}>{label(b)}</a></li>
                      ))}
                    </ul>
                  )}
                </section>
              )}
              <ReportPanel auditId={auditId} finalized={finalized} version={detail.audit.updatedAt} />
              {confirm && <FinalizeDialog blockers={s.blockers} busy={busy} describe={label} sectionTitle={(id) => template.sections.find((x) => x.id === id)?.title ?? id} onConfirm={() => void finalize()} onClose={() => setConfirm(false)} />}
            </>
          );
        })()}
      </div>
    </AuditFrame>
  );
}

