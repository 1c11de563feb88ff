import { useEffect, useState } from 'react';
import { BROWSE_PAGE, type AuditBrowse, type AuditGroup, type AuditListRow } from '../../../shared/domain/audit-list';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { STATUS_LABEL } from '../app/AuditFrame';
import { href, navigate } from '../app/router';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { AUDIT_TYPE_LABEL } from '../forms/AuditForm';

interface Filters { text: string; siteId: string; client: string; from: string; to: string }
const NO_FILTERS: Filters = { text: '', siteId: '', client: '', from: '', to: '' };

// The groups follow the auditor's work: what she is still doing comes first
// and stays there after a bundle carried it; sent means finalized and sent.
const GROUP_TITLE: Record<AuditGroup, string> = {
  progress: 'In progress',
  finalized: 'Finalized, not yet sent',
  sent: 'Sent to headquarters',
};
/** Typing waits this long before the search goes to the core. */
export const SEARCH_DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function AuditRowLink({ a }: { a: AuditListRow }) {
  return (
    <a className="audit-row" href={href({ name: 'walk', auditId: a.id, itemId: null })}>
      <span className="audit-row__main">
        <strong>{a.siteName}{a.sent && a.status !== 'finalized' && <span className="count-muted"> · an earlier state is at headquarters</span>}</strong>
        <span className="text-muted">{a.clients.join(', ') || '—'} · {a.country} · {AUDIT_TYPE_LABEL[a.type]} · {a.templateName}</span>
      </span>
      <span className="audit-row__date">{a.startDate}</span>
      <span className="audit-row__progress">
        <span className="progress" aria-hidden="true"><span className="progress__bar" style={{ width: `${a.total ? Math.round((100 * a.answered) / a.total) : 0}%` }} /></span>
        {a.answered}/{a.total} answered
      </span>
      <span className="audit-row__findings">{a.findings} {a.findings === 1 ? 'finding' : 'findings'}</span>
      <span className={`badge badge--${a.status}`}>{STATUS_LABEL[a.status]}{a.revision > 1 ? ` · rev ${a.revision}` : ''}</span>
    </a>
  );
}

export function Home() {
  const client = useClient();
  const [f, setF] = useState<Filters>(NO_FILTERS);
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);
  const text = useDebounced(f.text.trim(), SEARCH_DEBOUNCE_MS);
  const [rows, setRows] = useState<Record<AuditGroup, number>>({ progress: BROWSE_PAGE, finalized: BROWSE_PAGE, sent: BROWSE_PAGE });
  const query = {
    ...(text ? { text } : {}),
    ...(f.siteId ? { siteId: f.siteId } : {}),
    ...(f.client.trim() ? { client: f.client.trim() } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
  const filtered = Object.keys(query).length > 0;
  const [audits, reload] = useAsync(() => client.call('audits.browse', { ...query, rows }), JSON.stringify([query, rows]));
  const [sites] = useAsync(() => client.call('sites.list', {}), 'sites');
  // While a new search runs, the last answer stays on screen (no flash of "Loading" per keystroke).
  const [last, setLast] = useState<AuditBrowse | null>(null);
  if (audits.status === 'ready' && audits.value !== last) setLast(audits.value);
  const view = audits.status === 'ready' ? audits.value : last;
  const more = (g: AuditGroup) => setRows((r) => ({ ...r, [g]: r[g] + BROWSE_PAGE * 3 }));

  const openDemo = async () => {
    setDemoBusy(true);
    setDemoError(null);
    try {
      const { auditIds } = await client.call('demo.create', {});
      if (auditIds[0]) navigate({ name: 'walk', auditId: auditIds[0], itemId: null });
      else reload();
    } catch (err) {
      const m = describeError(err);
      setDemoError(`${m.title} ${m.next}`);
    } finally {
      setDemoBusy(false);
    }
  };
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  const total = view ? view.groups.reduce((n, g) => n + g.count, 0) : 0;
  const empty = view !== null && total === 0 && !filtered && !f.text.trim();

  return (
    <div className="page">
      <div className="page__head">
        <h1>Audits</h1>
        {!empty && <div className="page__actions">
          <button type="button" className="btn" onClick={() => void openDemo()} disabled={demoBusy}>{demoBusy ? 'Opening…' : 'Open demo audit'}</button>
          <a className="btn btn--primary" href={href({ name: 'new' })}>New audit</a>
        </div>}
      </div>
      {demoError && <div className="banner banner--error" role="alert">{demoError}</div>}

      {empty ? (
        <div className="empty-state">
          <h2>No audits yet</h2>
          <p>Start an audit for a site you are visiting, or open the demo audit to see how a walkthrough works.</p>
          <div className="form__actions form__actions--center">
            <button type="button" className="btn" onClick={() => void openDemo()} disabled={demoBusy}>Open demo audit</button>
            <a className="btn btn--primary" href={href({ name: 'new' })}>New audit</a>
          </div>
        </div>
      ) : (
        <>
          <form className="filters" role="search" aria-label="Find audits" onSubmit={(e) => e.preventDefault()}>
            <label className="filters__search">
              <span>Search</span>
              <input type="search" placeholder="Search site, client, country…" value={f.text} onChange={set('text')} />
            </label>
            <label>
              <span>Site</span>
              <select value={f.siteId} onChange={set('siteId')}>
                <option value="">All sites</option>
                {sites.status === 'ready' && sites.value.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <label><span>Client</span><input type="text" value={f.client} onChange={set('client')} /></label>
            <label><span>From</span><input type="date" value={f.from} onChange={set('from')} /></label>
            <label><span>To</span><input type="date" value={f.to} onChange={set('to')} /></label>
            {filtered && <button type="button" className="btn btn--quiet" onClick={() => setF(NO_FILTERS)}>Clear</button>}
          </form>
          {!view && audits.status === 'loading' && <Loading what="audits" />}
          {audits.status === 'error' && <ErrorPanel error={audits.error} onRetry={reload} />}
          {view && total === 0 && <p className="empty">No audits match these filters.</p>}
          {view && total > 0 && (
            <nav className="group-counts" aria-label="Audits by group">
              {view.groups.filter((g) => g.count).map((g) => (
                <a key={g.id} href={`#g-${g.id}`} onClick={(e) => { e.preventDefault(); document.getElementById(`g-${g.id}`)?.scrollIntoView(); }}>
                  {GROUP_TITLE[g.id]} <span className="count-muted">{g.count}</span>
                </a>
              ))}
            </nav>
          )}
          {view?.groups.map((g) => !g.count ? null : (
            <section key={g.id} className="audit-group" aria-labelledby={`g-${g.id}`} data-group={g.id}>
              <h2 id={`g-${g.id}`}>{GROUP_TITLE[g.id]} <span className="count-muted">{g.count}</span></h2>
              <ul className="audit-list">
                {g.rows.map((a) => <li key={a.id}><AuditRowLink a={a} /></li>)}
              </ul>
              {g.rows.length < g.count && (
                <button type="button" className="btn btn--quiet audit-group__more" onClick={() => more(g.id)}>
                  Show {Math.min(BROWSE_PAGE * 3, g.count - g.rows.length)} more ({g.count - g.rows.length} not shown)
                </button>
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
