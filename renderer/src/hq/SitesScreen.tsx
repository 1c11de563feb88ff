// Every site with its audit history, latest band, trend and open findings.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqSiteRow } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { useFormat } from './format';
import { hqCall } from './hqCall';
import { hqHref } from './routes';

export function SitesScreen() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [sites, reload] = useAsync(() => hqCall(client, 'hq.sites', { filter: query ? { text: query } : {}, sort: { by: 'name', dir: 'asc' }, page: { offset: 0, limit: 200 } }), query);
  useReloadOnNewData(reload);
  const search = (e: FormEvent) => { e.preventDefault(); setQuery(text.trim()); };
  return (
    <div className="page">
      <h1>{t('sites.title')}</h1>
      <form className="panel hq-filters" onSubmit={search} aria-label={t('filter.label')}>
        <div className="field"><label htmlFor="sf-text">{t('filter.text')}</label><input id="sf-text" value={text} onChange={(e) => setText(e.target.value)} /></div>
        <div className="hq-filters__actions"><button type="submit" className="btn btn--primary">{t('filter.apply')}</button></div>
      </form>
      {sites.status === 'loading' && <Loading what={t('sites.loading')} />}
      {sites.status === 'error' && <ErrorPanel error={sites.error} onRetry={reload} />}
      {sites.status === 'ready' && (sites.value.rows.length === 0 ? <p className="panel">{t('sites.none')}</p> : (
        <ul className="site-list">{sites.value.rows.map((s) => <SiteCard key={s.siteId} s={s} />)}</ul>
      ))}
    </div>
  );
}

function SiteCard({ s }: { s: HqSiteRow }) {
  const { t } = useTranslation('hq');
  const f = useFormat();
  return (
    <li className="panel site">
      <h2>{s.name} <span className="text-muted">· {s.country}{s.clients.length ? ` · ${s.clients.join(', ')}` : ''}</span></h2>
      <dl className="kv">
        <dt>{t('sites.latest')}</dt><dd>{s.latestBand ? t('audit.band', { band: s.latestBand, percent: s.latestPercent === null ? '—' : f.percent(s.latestPercent) }) : t('audit.noBand')}
          {s.trend && <span className={`trend trend--${s.trend}`}> {t(`sites.trend.${s.trend}`)}</span>}</dd>
        <dt>{t('sites.open')}</dt><dd>{t('audits.findings', { critical: s.openFindings.critical, major: s.openFindings.major, minor: s.openFindings.minor })}</dd>
        <dt>{t('col.overdue')}</dt><dd>{s.overdueActions > 0 ? <strong className="overdue">{f.number(s.overdueActions)}</strong> : f.number(0)}</dd>
      </dl>
      <details>
        <summary>{t('sites.history', { count: s.audits })}</summary>
        <ul className="plain-list">{s.history.map((h) => (
          <li key={h.auditId}><a href={hqHref({ name: 'audit', auditId: h.auditId })}>{f.date(h.startDate)}</a> · {h.auditorName} · {t(`auditStatus.${h.status}`)}{h.band ? ` · ${h.band}` : ''}</li>
        ))}</ul>
      </details>
    </li>
  );
}
