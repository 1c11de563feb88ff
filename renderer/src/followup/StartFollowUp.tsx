// On a finalized audit's summary: start a follow-up (on site or desk
// review), or open one already made.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '../../../shared/domain/audit';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { href, navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { formatDate, todayIso } from './format';
import './followup.css';

export function StartFollowUp({ audit, due }: { audit: Audit; due: boolean }) {
  const { t, i18n } = useTranslation('followup');
  const client = useClient();
  const [mode, setMode] = useState<'on_site' | 'desk_review'>('on_site');
  const [start, setStart] = useState(todayIso());
  const [end, setEnd] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [list] = useAsync(() => client.call('audits.list', { siteId: audit.siteId }), `fu-list:${audit.id}`);
  const existing = list.status === 'ready' ? list.value.filter((a) => a.followUpOf === audit.id) : [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const fu = await client.call('followup.start', { auditId: audit.id, mode, startDate: start, endDate: end });
      navigate({ name: 'findings', auditId: fu.id });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="fu-start-h">
      <h3 id="fu-start-h">{t('start.title')}</h3>
      <p>{t('start.intro')}</p>
      {due && <p className="banner banner--warn">{t('start.due')}</p>}
      {error !== null && <ErrorPanel error={error} />}
      {existing.length > 0 && (
        <>
          <h4>{t('start.existing')}</h4>
          <ul>{existing.map((a) => <li key={a.id}><a href={href({ name: 'findings', auditId: a.id })}>{t('start.open', { date: formatDate(a.startDate, i18n.language) })}</a></li>)}</ul>
        </>
      )}
      <form className="tracker__form" onSubmit={(e) => void submit(e)}>
        <fieldset className="tracker__form">
          <legend>{t('start.mode')}</legend>
          <label><input type="radio" name="fu-mode" checked={mode === 'on_site'} onChange={() => setMode('on_site')} /> {t('start.on_site')}</label>
          <label><input type="radio" name="fu-mode" checked={mode === 'desk_review'} onChange={() => setMode('desk_review')} /> {t('start.desk_review')}</label>
        </fieldset>
        <label>{t('start.startDate')}<input type="date" value={start} onChange={(e) => setStart(e.target.value)} /></label>
        <label>{t('start.endDate')}<input type="date" value={end} onChange={(e) => setEnd(e.target.value)} /></label>
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? t('start.busy') : t('start.submit')}</button>
      </form>
    </section>
  );
}
