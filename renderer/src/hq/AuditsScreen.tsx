// Every audit from every auditor at headquarters, filterable by client,
// country, site, auditor, band, dates and status (choices of what HQ holds,
// FilterFields; only the search is free text); each opens read-only.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqAuditFilter, HqAuditRow } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { ExportBar } from './ExportBar';
import { FilterFields, periodError } from './FilterFields';
import { useFormat } from './format';
import { hqCall } from './hqCall';
import { hqHref } from './routes';

type Filter = Partial<Record<'client' | 'country' | 'siteId' | 'auditorId' | 'band' | 'from' | 'to' | 'text' | 'status', string>>;
const PAGE = 50;

/** The form's strings as the contract's filter: empty fields do not narrow. */
export function toFilter(f: Filter): Partial<HqAuditFilter> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v?.trim()) out[k] = k === 'country' ? v.trim().toUpperCase() : v.trim();
  return out as Partial<HqAuditFilter>;
}

export function AuditsScreen() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Partial<HqAuditFilter>>({});
  const [offset, setOffset] = useState(0);
  const [list, reload] = useAsync(() => hqCall(client, 'hq.audits', { filter, sort: { by: 'startDate', dir: 'desc' }, page: { offset, limit: PAGE } }), JSON.stringify([filter, offset]));
  useReloadOnNewData(reload);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (periodError(draft)) return;
    setOffset(0);
    setFilter(toFilter(draft));
  };
  const field = (key: 'text') => (
    <div className="field">
      <label htmlFor={`af-${key}`}>{t(`filter.${key}`)}</label>
      <input id={`af-${key}`} type="text" value={draft[key] ?? ''} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </div>
  );

  return (
    <div className="page">
      <h1>{t('audits.title')}</h1>
      <form className="panel hq-filters" onSubmit={apply} aria-label={t('filter.label')}>
        {field('text')}
        <FilterFields value={draft} onChange={setDraft} idPrefix="af" />
        <div className="hq-filters__actions">
          <button type="submit" className="btn btn--primary">{t('filter.apply')}</button>
          <button type="button" className="btn btn--quiet" onClick={() => { setDraft({}); setFilter({}); setOffset(0); }}>{t('filter.clear')}</button>
        </div>
      </form>
      <ExportBar filter={filter} whats={['audits', 'findings', 'actions']} />
      {list.status === 'loading' && <Loading what={t('audits.loading')} />}
      {list.status === 'error' && <ErrorPanel error={list.error} onRetry={reload} />}
      {list.status === 'ready' && <AuditTable rows={list.value.rows} total={list.value.total} offset={offset} onPage={setOffset} />}
    </div>
  );
}

function AuditTable({ rows, total, offset, onPage }: { rows: HqAuditRow[]; total: number; offset: number; onPage(o: number): void }) {
  const { t } = useTranslation('hq');
  const f = useFormat();
  if (!total) return <p className="panel">{t('audits.none')}</p>;
  return (
    <>
      <p role="status">{t('audits.count', { count: total, from: f.number(offset + 1), to: f.number(offset + rows.length) })}</p>
      <div className="table-scroll"><table className="table" aria-label={t('audits.tableLabel')}>
        <thead><tr>
          <th scope="col">{t('col.site')}</th><th scope="col">{t('col.country')}</th><th scope="col">{t('col.clients')}</th><th scope="col">{t('col.auditor')}</th>
          <th scope="col">{t('col.date')}</th><th scope="col">{t('col.status')}</th><th scope="col">{t('col.band')}</th><th scope="col">{t('col.findings')}</th><th scope="col">{t('col.overdue')}</th>
        </tr></thead>
        <tbody>{rows.map((r) => (
          <tr key={r.auditId} data-conflict={r.conflict}>
            <td><a href={hqHref({ name: 'audit', auditId: r.auditId })}>{r.siteName}</a>{r.revision > 1 && <span className="text-muted"> · {t('audits.revision', { revision: r.revision })}</span>}
              {r.conflict && <span className="badge badge--rejected">{t('audits.conflict')}</span>}</td>
            <td>{r.country}</td><td>{r.clients.join(', ')}</td><td>{r.auditorName || r.auditorId}</td>
            <td>{f.date(r.startDate)}</td><td><span className={`badge badge--${r.status}`}>{t(`auditStatus.${r.status}`)}</span></td>
            <td>{r.band ?? '—'}</td>
            <td>{t('audits.findings', { critical: r.findings.critical, major: r.findings.major, minor: r.findings.minor })}{r.zeroTolerance > 0 && <strong className="zt-flag"> {t('audits.zt', { count: r.zeroTolerance })}</strong>}</td>
            <td>{r.overdueActions > 0 ? <strong className="overdue">{f.number(r.overdueActions)}</strong> : f.number(0)}</td>
          </tr>))}</tbody>
      </table></div>
      <div className="pager">
        <button type="button" className="btn btn--small" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE))}>{t('pager.previous')}</button>
        <button type="button" className="btn btn--small" disabled={offset + rows.length >= total} onClick={() => onPage(offset + PAGE)}>{t('pager.next')}</button>
      </div>
    </>
  );
}
