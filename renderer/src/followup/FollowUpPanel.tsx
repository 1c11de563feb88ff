// A follow-up's findings tab: each finding carried from the audit it
// follows, with its actions and their status, and the auditor's
// verification (closed, partially closed, not closed) with evidence and
// notes; then the grade before and after.
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpItem, FollowUpView } from '../../../shared/domain/followup';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { useAuditScope } from '../app/auditScope';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { href } from '../app/router';
import { formatDate, formatPercent } from './format';
import './followup.css';

type Verdict = FollowUpItem['verification'];

export function useFollowUp(auditId: string, version: string) {
  const client = useClient();
  return useAsync(() => client.call('followup.get', { auditId }), `${auditId}:${version}`);
}

export function GradeBeforeAfter({ view, colors }: { view: FollowUpView; colors: Record<string, string> }) {
  const { t, i18n } = useTranslation('followup');
  const g = view.grade;
  if (!g) return <p className="text-muted">{t('fu.noGrade')}</p>;
  const chip = (grade: string | null, label: string) => (
    <div className="fu-grade" style={{ '--band': grade ? colors[grade] : undefined } as CSSProperties}>
      <span className="fu-grade__letter">{grade ?? '—'}</span><span>{label}</span>
    </div>
  );
  return (
    <>
      <div className="fu-grades">{chip(g.before, t('fu.gradeBefore'))}<span aria-hidden="true">→</span>{chip(g.after, t('fu.gradeAfter'))}</div>
      <table className="grid scores">
        <caption>{t('fu.areas')}</caption>
        <thead><tr><th scope="col">{t('fu.area')}</th><th scope="col">{t('fu.reaudited')}</th><th scope="col">{t('fu.before')}</th><th scope="col">{t('fu.after')}</th></tr></thead>
        <tbody>
          {g.areas.map((a) => (
            <tr key={a.sectionId}>
              <th scope="row">{a.title}</th>
              <td>{a.reaudited ? t('fu.yes') : t('fu.no')}</td>
              <td>{t('fu.gradePercent', { grade: a.before ?? '—', percent: formatPercent(a.percentBefore, i18n.language) })}</td>
              <td>{t('fu.gradePercent', { grade: a.after ?? '—', percent: formatPercent(a.percentAfter, i18n.language) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-muted">{t('fu.rule')}</p>
    </>
  );
}

function ItemVerification({ item, onSaved }: { item: FollowUpItem; onSaved(v: FollowUpView): void }) {
  const { t, i18n } = useTranslation('followup');
  const { auditId, readOnly } = useAuditScope();
  const client = useClient();
  const [verification, setVerification] = useState<Verdict>(item.verification);
  const [evidence, setEvidence] = useState(item.evidence);
  const [note, setNote] = useState(item.verificationNote);
  const [msg, setMsg] = useState<{ error: boolean; text: string } | null>(null);
  const save = async () => {
    setMsg(null);
    try {
      onSaved(await client.call('followup.verify', { auditId, findingId: item.findingId, verification, evidence, note }));
      setMsg({ error: false, text: t('fu.saved') });
    } catch (err) {
      const m = describeError(err);
      setMsg({ error: true, text: t('findings.errorLine', { title: m.title, next: m.next }) });
    }
  };
  const id = `fu-${item.findingId}`;
  return (
    <li className="fu-item" aria-labelledby={`${id}-h`}>
      <span className={`sev sev--${item.severity ?? 'none'}`}>{item.severity ? t(`severity.${item.severity}`) : t('findings.noSeverity')}</span>
      {item.zeroTolerance && <span className="sev sev--zt">{t('findings.zeroTolerance')}</span>}
      <span className="text-muted"> {item.sectionTitle}</span>
      <h4 id={`${id}-h`}>{item.prompt}</h4>
      {item.note && <p className="finding__note">{item.note}</p>}
      <ul className="cap__list">
        {item.actions.map((a) => (
          <li key={a.id}>{t('fu.action', { action: a.action, owner: a.owner, status: t('track.since', { status: t(`track.status.${a.status}`), date: formatDate(a.statusDate, i18n.language) }) })}</li>
        ))}
      </ul>
      {readOnly ? (
        <p>
          <span className={`fu-verdict--${item.verification}`}>{t(item.verification ? `fu.verification.${item.verification}` : 'fu.verification.none')}</span>
          {item.evidence && <> · {item.evidence}</>}{item.verificationNote && <> · {item.verificationNote}</>}
        </p>
      ) : (
        <div className="fu-item__form">
          <label>{t('fu.verification')}
            <select value={verification} onChange={(e) => setVerification(e.target.value as Verdict)}>
              <option value="">{t('fu.verification.none')}</option>
              <option value="closed">{t('fu.verification.closed')}</option>
              <option value="partially_closed">{t('fu.verification.partially_closed')}</option>
              <option value="not_closed">{t('fu.verification.not_closed')}</option>
            </select>
          </label>
          <label>{t('fu.evidence')}<textarea value={evidence} placeholder={t('fu.evidenceHint')} onChange={(e) => setEvidence(e.target.value)} /></label>
          <span />
          <label>{t('fu.note')}<textarea value={note} onChange={(e) => setNote(e.target.value)} /></label>
          <span />
          <span>
            <button type="button" className="btn btn--small btn--primary" onClick={() => void save()}>{t('fu.save')}</button>
            {msg && <span role={msg.error ? 'alert' : 'status'} className={msg.error ? 'field__error' : 'text-muted'}> {msg.text}</span>}
          </span>
        </div>
      )}
    </li>
  );
}

/** Inside AuditFrame: the audit and whether it is finalized come from its scope. */
export function FollowUpPanel({ version, colors }: { version: string; colors: Record<string, string> }) {
  const { t, i18n } = useTranslation('followup');
  const { auditId, readOnly } = useAuditScope();
  const [state, reload] = useFollowUp(auditId, version);
  const [view, setView] = useState<FollowUpView | null>(null);
  if (state.status === 'loading') return <Loading what={t('fu.loading')} />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={reload} />;
  const v = view ?? state.value;
  return (
    <section className="panel" aria-labelledby="fu-title">
      <h2 id="fu-title">{t('fu.title', { start: formatDate(v.original.startDate, i18n.language), end: formatDate(v.original.endDate, i18n.language) })}</h2>
      <p className="text-muted">{t(`fu.mode.${v.mode}`)} · <a href={href({ name: 'findings', auditId: v.original.id })}>{t('fu.original')}</a></p>
      <p role="status">{v.unverified ? t('fu.unverified', { count: v.unverified }) : t('fu.allVerified')}</p>
      <GradeBeforeAfter view={v} colors={colors} />
      <h3>{t('fu.carried')}</h3>
      <ol className="findings">
        {v.items.map((i) => <ItemVerification key={i.findingId} item={i} onSaved={setView} />)}
      </ol>
      <h3>{t('fu.newFindings')}</h3>
      {!readOnly && <p className="text-muted">{t('fu.newHint')}</p>}
      {v.newFindings.length === 0 && <p>{t('fu.noNew')}</p>}
    </section>
  );
}
