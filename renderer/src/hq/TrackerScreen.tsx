// Findings and corrective actions across sites: open criticals and majors,
// overdue actions, zero-tolerance alerts; who must act and by when. The
// severities narrow every kind, and the audit filters are choices of what HQ
// holds (FilterFields), so the counts beside the kinds are what is listed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HQ_TRACKER_KINDS, HQ_TRACKER_SORTS } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { ExportBar } from './ExportBar';
import { FilterFields, draftToFilter, periodError, type FilterDraft } from './FilterFields';
import { useFormat } from './format';
import { hqCall } from './hqCall';
import { hqHref } from './routes';
import { ClosureText } from './CyclePanel';
import { FindingActions } from './FindingActions';

type Kind = (typeof HQ_TRACKER_KINDS)[number];
type SortBy = (typeof HQ_TRACKER_SORTS)[number];
const SEVERITIES = ['critical', 'major', 'minor'] as const;

export function TrackerScreen() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const { t: tc } = useTranslation('followup');
  const f = useFormat();
  const [kinds, setKinds] = useState<Kind[]>([...HQ_TRACKER_KINDS]);
  const [severities, setSeverities] = useState<Array<(typeof SEVERITIES)[number]>>(['critical', 'major']);
  const [draft, setDraft] = useState<FilterDraft>({});
  const [audits, setAudits] = useState<FilterDraft>({});
  const [sort, setSort] = useState<{ by: SortBy; dir: 'asc' | 'desc' }>({ by: 'dueDate', dir: 'asc' });
  const auditFilter = draftToFilter(audits);
  const filter = { kinds, severities, ...auditFilter };
  // A period that ends before it starts is shown as such and not asked for.
  const change = (next: FilterDraft) => { setDraft(next); if (!periodError(next)) setAudits(next); };
  const [data, reload] = useAsync(() => hqCall(client, 'hq.tracker', { filter, sort, page: { offset: 0, limit: 500 } }), JSON.stringify([filter, sort]));
  useReloadOnNewData(reload);
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const sortButton = (by: SortBy) => (
    <button type="button" className="th-sort" onClick={() => setSort({ by, dir: sort.by === by && sort.dir === 'asc' ? 'desc' : 'asc' })}>
      {t(`tracker.sort.${by}`)}{sort.by === by ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
    </button>
  );
  const ariaSort = (by: SortBy) => (sort.by === by ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);

  return (
    <div className="page">
      <h1>{t('tracker.title')}</h1>
      <div className="panel hq-filters" role="group" aria-label={t('filter.label')}>
        <fieldset className="filter-group"><legend>{t('tracker.show')}</legend>
          {HQ_TRACKER_KINDS.map((k) => (
            <label key={k} className="check-label"><input type="checkbox" checked={kinds.includes(k)} onChange={() => setKinds(toggle(kinds, k))} /> {t(`tracker.kind.${k}`)}
              {data.status === 'ready' && <span className="text-muted"> ({f.number(data.value.counts[k])})</span>}</label>
          ))}
        </fieldset>
        <fieldset className="filter-group"><legend>{t('col.severity')}</legend>
          {SEVERITIES.map((s) => <label key={s} className="check-label"><input type="checkbox" checked={severities.includes(s)} onChange={() => setSeverities(toggle(severities, s))} /> {t(`severity.${s}`)}</label>)}
        </fieldset>
        <FilterFields value={draft} onChange={change} idPrefix="tf" />
      </div>
      <ExportBar filter={auditFilter} whats={['findings', 'actions']} />
      {data.status === 'loading' && <Loading what={t('tracker.loading')} />}
      {data.status === 'error' && <ErrorPanel error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (data.value.rows.length === 0 ? <p className="panel">{t('tracker.none')}</p> : (
        <>
          <p role="status">{t('tracker.count', { count: data.value.total })}</p>
          <div className="table-scroll"><table className="table" aria-label={t('tracker.tableLabel')}>
            <thead><tr>
              <th scope="col">{t('tracker.kindCol')}</th>
              <th scope="col" aria-sort={ariaSort('severity')}>{sortButton('severity')}</th>
              <th scope="col" aria-sort={ariaSort('site')}>{sortButton('site')}</th>
              <th scope="col">{t('col.finding')}</th>
              <th scope="col">{t('col.owner')}</th>
              <th scope="col" aria-sort={ariaSort('dueDate')}>{sortButton('dueDate')}</th>
              <th scope="col" aria-sort={ariaSort('daysOverdue')}>{sortButton('daysOverdue')}</th>
              <th scope="col">{tc('hq.closureCol')}</th>
            </tr></thead>
            <tbody>{data.value.rows.map((r, i) => (
              <tr key={`${r.findingId}:${r.actionId ?? ''}:${i}`} data-kind={r.kind}>
                <td>{t(`tracker.kind.${r.kind}`)}</td>
                <td>{r.severity ? <span className={`sev sev--${r.severity}`}>{t(`severity.${r.severity}`)}</span> : '—'}{r.zeroTolerance && <strong className="zt-flag"> {t('audit.zeroTolerance')}</strong>}</td>
                <td><a href={hqHref({ name: 'audit', auditId: r.auditId })}>{r.siteName}</a> <span className="text-muted">· {r.country}</span></td>
                <td>{r.itemId}{r.clause && <span className="text-muted"> · {r.clause}</span>} — {r.summary}{r.action && <p className="text-muted">{t('tracker.action', { action: r.action })}</p>}</td>
                <td>{r.owner ?? '—'}</td>
                <td>{r.dueDate ? f.date(r.dueDate) : '—'}</td>
                <td>{r.daysOverdue !== null && r.daysOverdue > 0 ? <strong className="overdue">{t('tracker.days', { count: r.daysOverdue })}</strong> : '—'}</td>
                <td>{r.kind !== 'overdue_action' && r.actions.length > 0 ? <FindingActions actions={r.actions} />
                  : r.closure ? <ClosureText c={r.closure} /> : <span className="text-muted">{tc('hq.noClosure')}</span>}</td>
              </tr>
            ))}</tbody>
          </table></div>
        </>
      ))}
    </div>
  );
}
