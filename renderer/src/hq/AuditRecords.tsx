// The records of one audit at HQ, read-only: findings, corrective actions,
// answers, notes, documents, the interview summary and the signatures.
import { useTranslation } from 'react-i18next';
import type { HqAuditDetail } from '../../../shared/domain/hq';
import type { HqLabels } from '../../../shared/domain/hq-labels';
import type { ResponseValue } from '../../../shared/domain/response';
import { useFormat } from './format';
import { useSiteTime } from '../i18n/siteTime';

function Severity({ s, zt }: { s: string | null; zt: boolean }) {
  const { t } = useTranslation('hq');
  return <>{s ? <span className={`sev sev--${s}`}>{t(`severity.${s}`)}</span> : '—'}{zt && <strong className="zt-flag"> {t('audit.zeroTolerance')}</strong>}</>;
}

/** Collaborative action required: no fixed closing date, a date its progress is reviewed instead. */
function Collaborative({ reviewDate }: { reviewDate: string }) {
  const { t } = useTranslation('closure');
  const f = useFormat();
  return <span data-testid="collaborative">{reviewDate ? t('audit.collaborative', { date: f.date(reviewDate) }) : t('audit.collaborativeNoDate')}</span>;
}

/** Where the action stands after finalize, when something happened to it since (the audit's action chain). */
function NowStatus({ a, actionId }: { a: HqAuditDetail; actionId: string }) {
  const { t } = useTranslation('closure');
  const { t: tf } = useTranslation('followup');
  const now = a.cycle.actions.find((c) => c.actionId === actionId)?.closure;
  if (!now || !now.date) return null;
  return <p className="text-muted" data-testid="action-now">{t('audit.now', { status: tf(`track.status.${now.status}`) })}</p>;
}

export function AuditRecords({ a, answer, labels = null }: { a: HqAuditDetail; answer(v: ResponseValue | null, itemId: string): string; labels?: HqLabels | null }) {
  const { t } = useTranslation('hq');
  // The prompt in the UI language where the template has it, else as HQ read it.
  const prompt = (itemId: string, stored: string | null) => labels?.items[itemId]?.prompt ?? stored;
  const f = useFormat();
  const when = useSiteTime(a.header.site.timeZone);
  const i = a.interviews;
  return (
    <>
      <section className="panel" aria-labelledby="findings-h">
        <h2 id="findings-h">{t('audit.findingsTitle', { count: a.findings.length })}</h2>
        {a.findings.length > 0 && <div className="table-scroll"><table className="table" aria-labelledby="findings-h">
          <thead><tr><th scope="col">{t('col.item')}</th><th scope="col">{t('col.severity')}</th><th scope="col">{t('col.finding')}</th><th scope="col">{t('col.note')}</th></tr></thead>
          <tbody>{a.findings.map((x) => (
            <tr key={x.id}><td>{x.itemId}{x.clause && <span className="text-muted"> · {x.clause}</span>}</td><td><Severity s={x.severity} zt={x.zeroTolerance} /></td><td>{prompt(x.itemId, x.prompt) && <strong>{prompt(x.itemId, x.prompt)} </strong>}{x.summary}</td><td>{x.note}</td></tr>
          ))}</tbody></table></div>}
      </section>
      <section className="panel" aria-labelledby="actions-h">
        <h2 id="actions-h">{t('audit.actionsTitle', { count: a.actions.length })}</h2>
        {a.actions.length > 0 && <div className="table-scroll"><table className="table" aria-labelledby="actions-h">
          <thead><tr><th scope="col">{t('col.action')}</th><th scope="col">{t('col.owner')}</th><th scope="col">{t('col.due')}</th><th scope="col">{t('col.status')}</th></tr></thead>
          <tbody>{a.actions.map((x) => (
            <tr key={x.id} data-overdue={x.overdue}><td>{x.action}{x.rootCause && <p className="text-muted">{t('audit.rootCause', { text: x.rootCause })}</p>}</td><td>{x.owner}</td>
              <td>{x.collaborative ? <Collaborative reviewDate={x.reviewDate} /> : f.date(x.dueDate)}{x.overdue && <strong className="overdue"> {t('tracker.overdue')}</strong>}</td><td>{t(`actionStatus.${x.status}`, { defaultValue: x.status })}<NowStatus a={a} actionId={x.id} /></td></tr>
          ))}</tbody></table></div>}
      </section>
      <section className="panel" aria-labelledby="answers-h">
        <h2 id="answers-h">{t('audit.answersTitle', { count: a.answers.length })}</h2>
        <details>
          <summary>{t('audit.showAnswers')}</summary>
          <div className="table-scroll"><table className="table" aria-labelledby="answers-h">
            <thead><tr><th scope="col">{t('col.item')}</th><th scope="col">{t('col.question')}</th><th scope="col">{t('col.answer')}</th><th scope="col">{t('col.severity')}</th><th scope="col">{t('col.note')}</th></tr></thead>
            <tbody>{a.answers.map((x) => (
              <tr key={x.itemId}><td>{x.itemId}</td><td>{prompt(x.itemId, x.prompt) ?? '—'}</td><td>{answer(x.value, x.itemId)}</td><td><Severity s={x.severity} zt={x.zeroTolerance} /></td><td>{x.note}</td></tr>
            ))}</tbody></table></div>
        </details>
      </section>
      {a.notes.length > 0 && (
        <section className="panel" aria-labelledby="notes-h">
          <h2 id="notes-h">{t('audit.notesTitle', { count: a.notes.length })}</h2>
          <ul className="plain-list">{a.notes.map((n) => <li key={n.id}><span className="text-muted">{n.ref || t(`scope.${n.scope}`, { ns: 'evidence', title: '' })}: </span>{n.body}</li>)}</ul>
        </section>
      )}
      <section className="panel" aria-labelledby="docs-h">
        <h2 id="docs-h">{t('audit.documentsTitle', { count: a.documents.length })}</h2>
        {a.documents.length > 0 && <ul className="plain-list">{a.documents.map((d) => <li key={d.id}><strong>{d.title}</strong> <span className="text-muted">({t(`docKind.${d.kind}`, { ns: 'terms' })}{d.itemIds.length ? ` · ${d.itemIds.join(', ')}` : ''})</span> {d.notes}</li>)}</ul>}
      </section>
      <section className="panel" aria-labelledby="interviews-h">
        <h2 id="interviews-h">{t('audit.interviewsTitle')}</h2>
        <p>{t('audit.interviews', { count: i.total, individual: i.individual, group: i.group, consent: i.withConsent })}</p>
        {i.themes.length > 0 && <p>{t('audit.themes', { themes: i.themes.map((x) => `${x.topic} (${f.number(x.count)})`).join(', ') })}</p>}
        {i.excerpts.length > 0 && <ul className="plain-list">{i.excerpts.map((x) => <li key={x.code}><q>{x.text}</q> <span className="text-muted">— {x.code}</span></li>)}</ul>}
        <p className="text-muted">{t('audit.privateNotes')}</p>
      </section>
      <section className="panel" aria-labelledby="sign-h">
        <h2 id="sign-h">{t('audit.signaturesTitle', { count: a.signatures.length })}</h2>
        {a.signatures.length > 0 && <ul className="plain-list">{a.signatures.map((s, k) => (
          <li key={k}>{t('audit.signature', { name: s.name, title: s.title, role: t(`sign.role.${s.role}`, { ns: 'report', defaultValue: s.role }), when: when(s.signedAt) })}</li>
        ))}</ul>}
      </section>
    </>
  );
}
