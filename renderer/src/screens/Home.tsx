// The first screen: kept light, since it is in the code every start loads
// (the other screens are fetched when first opened). It takes nothing from
// the forms (react-hook-form and its resolvers stay out of that code), and
// its constants from a module without schemas.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditBrowse, AuditGroup, AuditListRow } from '../../../shared/domain/audit-list';
import { BROWSE_PAGE } from '../../../shared/domain/audit-page';
import { FIRST_ROWS } from '../app/startup';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { href, navigate } from '../app/router';
import { ErrorPanel } from '../app/Status';
import { useAsync } from '../app/useAsync';

interface Filters { text: string; siteId: string; client: string; from: string; to: string }
const NO_FILTERS: Filters = { text: '', siteId: '', client: '', from: '', to: '' };

// The groups follow the auditor's work: what she is still doing comes first
// and stays there after a bundle carried it; sent means finalized and sent
// (their titles: home.ts, group.*).
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

/** True from the task after the first frame painted once `ready` held. */
function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setPainted(true), 0); });
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
  }, [ready, painted]);
  return painted;
}

interface Formats { num(x: number): string; day(iso: string): string }
// Made once per language: the first Intl date formatter of a page loads the
// language's calendar data (tens of milliseconds), more than all the rows take to render.
const formats = new Map<string, Formats>();

function formatsFor(language: string): Formats {
  let f = formats.get(language);
  if (!f) {
    const n = new Intl.NumberFormat(language);
    const d = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    f = { num: (x) => n.format(x), day: (iso) => d.format(new Date(`${iso}T00:00:00Z`)) };
    formats.set(language, f);
  }
  return f;
}

// One row per audit shown: the screen's translation and formats are passed
// in, since a translation hook per row subscribes each row to language changes.
function AuditRowLink({ a, t, f }: { a: AuditListRow; t: TFunction<'home'>; f: Formats }) {
  const status = t(`status.${a.status}`);
  return (
    <a className="audit-row" href={href({ name: 'walk', auditId: a.id, itemId: null })}>
      <span className="audit-row__main">
        <strong>{a.siteName}{a.sent && a.status !== 'finalized' && <span className="count-muted"> · {t('row.earlierSent')}</span>}</strong>
        <span className="text-muted">{a.clients.join(', ') || '—'} · {a.country} · {t(`type.${a.type}`)} · {a.templateName}</span>
      </span>
      <span className="audit-row__date"><time dateTime={a.startDate}>{f.day(a.startDate)}</time></span>
      <span className="audit-row__progress">
        <span className="progress" aria-hidden="true"><span className="progress__bar" style={{ width: `${a.total ? Math.round((100 * a.answered) / a.total) : 0}%` }} /></span>
        {t('row.answered', { answered: f.num(a.answered), total: f.num(a.total) })}
      </span>
      <span className="audit-row__findings">{t('row.findings', { count: a.findings, n: f.num(a.findings) })}</span>
      <span className={`badge badge--${a.status}`}>{a.revision > 1 ? t('status.revision', { status, revision: f.num(a.revision) }) : status}</span>
    </a>
  );
}

export function Home() {
  const client = useClient();
  const { t, i18n } = useTranslation('home');
  const fmt = () => formatsFor(i18n.language);
  const [f, setF] = useState<Filters>(NO_FILTERS);
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);
  const text = useDebounced(f.text.trim(), SEARCH_DEBOUNCE_MS);
  const [rows, setRows] = useState<Record<AuditGroup, number>>(FIRST_ROWS);
  const query = {
    ...(text ? { text } : {}),
    ...(f.siteId ? { siteId: f.siteId } : {}),
    ...(f.client.trim() ? { client: f.client.trim() } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
  const filtered = Object.keys(query).length > 0;
  const [audits, reload] = useAsync(() => client.call('audits.browse', { ...query, rows }), JSON.stringify([query, rows]), () => client.taken('audits.browse', { ...query, rows }));
  // While a new search runs, the last answer stays on screen (no flash of "Loading" per keystroke).
  const [last, setLast] = useState<AuditBrowse | null>(null);
  if (audits.status === 'ready' && audits.value !== last) setLast(audits.value);
  const view = audits.status === 'ready' ? audits.value : last;
  // The sites (for the filter only) are asked for once the rows are painted:
  // their reply, a few hundred options, is not kept from the first paint of the list.
  const painted = usePaintedOnce(view !== null);
  const [sites] = useAsync(() => (painted ? client.call('sites.list', {}) : Promise.resolve([])), painted ? 'sites' : 'sites-later');
  // When the list was not here at the first render (a search, or a start whose
  // reply was late), the formats are built while its reply is awaited (effects
  // run after the request left); otherwise the first render built them already.
  useEffect(() => { formatsFor(i18n.language); }, [i18n.language]);
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
        <h1>{t('title')}</h1>
        {!empty && <div className="page__actions">
          <button type="button" className="btn" onClick={() => void openDemo()} disabled={demoBusy}>{demoBusy ? t('demo.opening') : t('demo.open')}</button>
          <a className="btn btn--primary" href={href({ name: 'new' })}>{t('new')}</a>
        </div>}
      </div>
      {demoError && <div className="banner banner--error" role="alert">{demoError}</div>}

      {empty ? (
        <div className="empty-state">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
          <div className="form__actions form__actions--center">
            <button type="button" className="btn" onClick={() => void openDemo()} disabled={demoBusy}>{t('demo.open')}</button>
            <a className="btn btn--primary" href={href({ name: 'new' })}>{t('new')}</a>
          </div>
        </div>
      ) : (
        <>
          <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
            <label className="filters__search">
              <span>{t('filters.search')}</span>
              <input type="search" placeholder={t('filters.searchPlaceholder')} value={f.text} onChange={set('text')} />
            </label>
            <label>
              <span>{t('filters.site')}</span>
              <select value={f.siteId} onChange={set('siteId')}>
                <option value="">{t('filters.allSites')}</option>
                {sites.status === 'ready' && sites.value.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <label><span>{t('filters.client')}</span><input type="text" value={f.client} onChange={set('client')} /></label>
            <label><span>{t('filters.from')}</span><input type="date" value={f.from} onChange={set('from')} /></label>
            <label><span>{t('filters.to')}</span><input type="date" value={f.to} onChange={set('to')} /></label>
            {filtered && <button type="button" className="btn btn--quiet" onClick={() => setF(NO_FILTERS)}>{t('filters.clear')}</button>}
          </form>
          {!view && audits.status === 'loading' && <p className="loading" role="status">{t('loading')}</p>}
          {audits.status === 'error' && <ErrorPanel error={audits.error} onRetry={reload} />}
          {view && total === 0 && <p className="empty">{t('noMatch')}</p>}
          {view && total > 0 && (
            <nav className="group-counts" aria-label={t('groups.nav')}>
              {view.groups.filter((g) => g.count).map((g) => (
                <a key={g.id} href={`#g-${g.id}`} onClick={(e) => { e.preventDefault(); document.getElementById(`g-${g.id}`)?.scrollIntoView(); }}>
                  {t(`group.${g.id}`)} <span className="count-muted">{fmt().num(g.count)}</span>
                </a>
              ))}
            </nav>
          )}
          {view?.groups.map((g) => !g.count ? null : (
            <section key={g.id} className="audit-group" aria-labelledby={`g-${g.id}`} data-group={g.id}>
              <h2 id={`g-${g.id}`}>{t(`group.${g.id}`)} <span className="count-muted">{fmt().num(g.count)}</span></h2>
              <ul className="audit-list">
                {g.rows.map((a) => <li key={a.id}><AuditRowLink a={a} t={t} f={fmt()} /></li>)}
              </ul>
              {g.rows.length < g.count && (
                <button type="button" className="btn btn--quiet audit-group__more" onClick={() => more(g.id)}>
                  {t('more', { count: g.count - g.rows.length, shown: fmt().num(Math.min(BROWSE_PAGE * 3, g.count - g.rows.length)), hidden: fmt().num(g.count - g.rows.length) })}
                </button>
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
