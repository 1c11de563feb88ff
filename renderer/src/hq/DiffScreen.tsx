// What changed between two revisions of one audit: answers, severities,
// findings removed or softened, actions and notes. A report weakened after
// the closing meeting shows at the top.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqDiff } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { answerText } from './answerText';
import { optionLabels, useHqLabels } from './useLabels';
import { useFormat } from './format';
import { hqCall } from './hqCall';
import { hqHref } from './routes';

export function DiffScreen({ auditId }: { auditId: string }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [audit, reload] = useAsync(() => hqCall(client, 'hq.audit', { auditId }), auditId);
  useReloadOnNewData(reload);
  const [pick, setPick] = useState<{ from: string; to: string } | null>(null);
  if (audit.status === 'loading') return <div className="page"><Loading what={t('audit.loading')} /></div>;
  if (audit.status === 'error') return <div className="page"><ErrorPanel error={audit.error} onRetry={reload} /></div>;
  const revs = audit.value.revisions;
  const chosen = pick ?? { from: revs[Math.max(0, revs.length - 2)]!.auditId, to: revs[revs.length - 1]!.auditId };
  const select = (which: 'from' | 'to') => (
    <div className="field">
      <label htmlFor={`diff-${which}`}>{t(`diff.${which}`)}</label>
      <select id={`diff-${which}`} value={chosen[which]} onChange={(e) => setPick({ ...chosen, [which]: e.target.value })}>
        {revs.map((r) => <option key={r.auditId} value={r.auditId}>{t('diff.option', { revision: r.revision, status: t(`auditStatus.${r.status}`) })}</option>)}
      </select>
    </div>
  );
  return (
    <div className="page">
      <p><a href={hqHref({ name: 'audit', auditId })}>{t('diff.back')}</a></p>
      <h1>{t('diff.title', { site: audit.value.header.siteName })}</h1>
      {revs.length < 2 ? <p className="panel">{t('diff.single')}</p> : (
        <>
          <form className="panel hq-filters" aria-label={t('diff.choose')} onSubmit={(e) => e.preventDefault()}>{select('from')}{select('to')}</form>
          {chosen.from === chosen.to ? <p className="panel">{t('diff.same')}</p> : <DiffResult from={chosen.from} to={chosen.to} />}
        </>
      )}
    </div>
  );
}

function DiffResult({ from, to }: { from: string; to: string }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const f = useFormat();
  const [diff, reload] = useAsync(() => hqCall(client, 'hq.diff', { from: { auditId: from }, to: { auditId: to } }), `${from}:${to}`);
  useReloadOnNewData(reload);
  // Choices by their option labels, from the newer revision's template.
  const labels = useHqLabels(to);
  if (diff.status === 'loading') return <Loading what={t('diff.loading')} />;
  if (diff.status === 'error') return <ErrorPanel error={diff.error} onRetry={reload} />;
  const d: HqDiff = diff.value;
  const sev = (s: string | null) => (s ? t(`severity.${s}`) : t('diff.noSeverity'));
  const nothing = !d.answers.length && !d.severities.length && !d.findings.length && !d.actions.length && !d.notes.length;
  return (
    <div data-testid="diff">
      {d.weakened && <p className="banner banner--error" role="alert">{t('diff.weakened')}</p>}
      {nothing && <p className="panel">{t('diff.nothing')}</p>}
      {d.findings.length > 0 && (
        <section className="panel" aria-labelledby="df-h"><h2 id="df-h">{t('diff.findings', { count: d.findings.length })}</h2>
          <ul className="diff-list">{d.findings.map((x, i) => (
            <li key={i} className={`diff diff--${x.change}`}><strong>{t(`diff.change.${x.change}`)}</strong> {x.itemId} {x.prompt}: {sev(x.severityBefore)} → {sev(x.severityAfter)}
              {x.summaryBefore !== x.summaryAfter && <p><del>{x.summaryBefore}</del> <ins>{x.summaryAfter}</ins></p>}</li>
          ))}</ul></section>
      )}
      {d.severities.length > 0 && (
        <section className="panel" aria-labelledby="ds-h"><h2 id="ds-h">{t('diff.severities', { count: d.severities.length })}</h2>
          <ul className="diff-list">{d.severities.map((x, i) => (
            <li key={i} className={x.softened ? 'diff diff--softened' : 'diff'}>{x.softened && <strong>{t('diff.softened')} </strong>}{x.itemId} {x.prompt}: {sev(x.before)}{x.zeroToleranceBefore ? ` (${t('audit.zeroTolerance')})` : ''} → {sev(x.after)}{x.zeroToleranceAfter ? ` (${t('audit.zeroTolerance')})` : ''}</li>
          ))}</ul></section>
      )}
      {d.answers.length > 0 && (
        <section className="panel" aria-labelledby="da-h"><h2 id="da-h">{t('diff.answers', { count: d.answers.length })}</h2>
          <div className="table-scroll"><table className="table" aria-labelledby="da-h">
            <thead><tr><th scope="col">{t('col.item')}</th><th scope="col">{t('diff.before')}</th><th scope="col">{t('diff.after')}</th></tr></thead>
            <tbody>{d.answers.map((x, i) => (
              <tr key={i}><td>{x.itemId} {x.prompt}</td>
                <td><del>{answerText(x.before, t, f, optionLabels(labels, x.itemId))}</del>{x.noteBefore && <p className="text-muted">{x.noteBefore}</p>}</td>
                <td><ins>{answerText(x.after, t, f, optionLabels(labels, x.itemId))}</ins>{x.noteAfter && <p className="text-muted">{x.noteAfter}</p>}</td></tr>
            ))}</tbody></table></div></section>
      )}
      {d.actions.length > 0 && (
        <section className="panel" aria-labelledby="dact-h"><h2 id="dact-h">{t('diff.actions', { count: d.actions.length })}</h2>
          <ul className="diff-list">{d.actions.map((x, i) => (
            <li key={i} className={`diff diff--${x.change}`}><strong>{t(`diff.change.${x.change}`)}</strong> {x.itemId}: <del>{x.before}</del> <ins>{x.after}</ins>
              {x.dueBefore !== x.dueAfter && <span> · {t('diff.due', { before: x.dueBefore ? f.date(x.dueBefore) : '—', after: x.dueAfter ? f.date(x.dueAfter) : '—' })}</span>}</li>
          ))}</ul></section>
      )}
      {d.notes.length > 0 && (
        <section className="panel" aria-labelledby="dn-h"><h2 id="dn-h">{t('diff.notes', { count: d.notes.length })}</h2>
          <ul className="diff-list">{d.notes.map((x, i) => (
            <li key={i} className={`diff diff--${x.change}`}><strong>{t(`diff.change.${x.change}`)}</strong> {x.ref || x.scope}: <del>{x.before}</del> <ins>{x.after}</ins></li>
          ))}</ul></section>
      )}
    </div>
  );
}
