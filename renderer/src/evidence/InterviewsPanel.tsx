// Worker interviews: pseudonymous codes, never names. Notes stay on this
// laptop; only excerpts marked "include" (from workers who consented) and
// counts of themes ever reach a report or bundle.
import { useState } from 'react';
import type { Interview } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { useAsync } from '../app/useAsync';
import { useAuditScope } from '../app/auditScope';
import { ErrorPanel } from '../app/Status';
import { InterviewForm } from './InterviewForm';
import { useTranslation } from 'react-i18next';
import { useSiteTime } from '../i18n/siteTime';

export function InterviewsPanel() {
  const { auditId, readOnly, timeZone } = useAuditScope();
  const { t } = useTranslation('evidence');
  const { t: tz } = useTranslation('zone');
  const when = useSiteTime(timeZone);
  const client = useClient();
  const [list, reload, update] = useAsync(() => client.call('interviews.list', { auditId }), auditId);
  /** The open form: a new interview (editing null) or the one being edited; the key empties it. */
  const [form, setForm] = useState<{ editing: Interview | null; key: number } | null>(null);
  const interviews = list.status === 'ready' ? list.value : null;
  const nextCode = `W-${String((interviews?.length ?? 0) + 1).padStart(2, '0')}`;
  const open = (editing: Interview | null) => setForm((f) => ({ editing, key: (f?.key ?? 0) + 1 }));

  const saved = (i: Interview) => {
    update((l) => (l.some((x) => x.id === i.id) ? l.map((x) => (x.id === i.id ? i : x)) : [...l, i]));
    setForm(null);
  };

  return (
    <section className="panel" aria-labelledby="ev-interviews">
      <h2 id="ev-interviews">{t('interviews.title')}</h2>
      <p className="banner banner--locked">{t('interviews.private')}</p>
      {list.status === 'error' && <ErrorPanel error={list.error} onRetry={reload} />}
      {list.status === 'loading' ? <p className="loading">{t('interviews.loading')}</p> : interviews === null ? null : interviews.length === 0 ? <p className="empty">{t('interviews.empty')}</p> : (
        <table className="ev-table">
          <thead><tr>{['code', 'type', 'role', 'consent', 'topics', 'excerpts'].map((c) => <th key={c} scope="col">{t(`interviews.col.${c}`)}</th>)}<th scope="col">{tz('zone.recorded')}</th><th scope="col"><span className="sr-only">{t('interviews.col.actions')}</span></th></tr></thead>
          <tbody>
            {interviews.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.code}</th><td>{t(`interviews.types.${i.type}`)}</td><td>{i.role}</td><td>{i.consent ? t('yes') : t('no')}</td><td>{i.topics.join(', ')}</td>
                <td>{i.excerpts.filter((e) => e.include).length}</td>
                <td><time dateTime={i.createdAt}>{when(i.createdAt)}</time></td>
                <td>{!readOnly && <button type="button" className="btn btn--small" onClick={() => open(i)}>{t('edit')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && !form && <button type="button" className="btn" onClick={() => open(null)}>{t('interviews.record')}</button>}
      {!readOnly && form && <InterviewForm key={form.key} editing={form.editing} newCode={nextCode} onSaved={saved} onCancel={() => setForm(null)} />}
    </section>
  );
}
