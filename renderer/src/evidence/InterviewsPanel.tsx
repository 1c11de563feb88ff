// Worker interviews: pseudonymous codes, never names. Notes stay on this
// laptop; only excerpts marked "include" (from workers who consented) and
// counts of themes ever reach a report or bundle.
import { useEffect, useState } from 'react';
import { TENURE_BANDS, type Interview, type InterviewFormInput } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { useAction } from '../app/useAction';
import { ItemPicker } from './ItemPicker';
import { useTranslation } from 'react-i18next';


type Form = Omit<InterviewFormInput, 'auditId' | 'topics'> & { topics: string };
const blank = (code: string): Form => ({ code, type: 'individual', role: '', tenureBand: '', language: '', interviewer: '', consent: false, topics: '', findingsRaised: [], notes: '', excerpts: [] });
const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

export function InterviewsPanel({ auditId, readOnly }: { auditId: string; readOnly: boolean }) {
  const { t } = useTranslation('evidence');
  const client = useClient();
  const [list, setList] = useState<Interview[] | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const action = useAction();

  useEffect(() => {
    client.call('interviews.list', { auditId }).then(setList, (err: unknown) => setError(describeError(err).title));
  }, [client, auditId]);

  const nextCode = () => `W-${String((list?.length ?? 0) + 1).padStart(2, '0')}`;

  const save = () => action.run(async () => {
    if (!form) return;
    try {
      const i = await client.call('interviews.save', {
        ...(editing ? { id: editing } : {}), auditId, ...form, topics: split(form.topics),
      });
      setList((l) => (editing ? (l ?? []).map((x) => (x.id === i.id ? i : x)) : [...(l ?? []), i]));
      setForm(null);
      setEditing(null);
      setError(null);
    } catch (err) {
      const m = describeError(err);
      setError([m.title, ...m.fields.map((f) => `${f.path}: ${f.message}`)].join(' '));
    }
  });

  const excerpts = form?.excerpts ?? [];
  const setExcerpt = (i: number, patch: Partial<{ text: string; include: boolean }>) =>
    form && setForm({ ...form, excerpts: excerpts.map((e, j) => (j === i ? { ...e, ...patch } : e)) });

  return (
    <section className="panel" aria-labelledby="ev-interviews">
      <h2 id="ev-interviews">{t('interviews.title')}</h2>
      <p className="banner banner--locked">{t('interviews.private')}</p>
      {list === null ? <p className="loading">{t('interviews.loading')}</p> : list.length === 0 ? <p className="empty">{t('interviews.empty')}</p> : (
        <table className="ev-table">
          <thead><tr>{['code', 'type', 'role', 'consent', 'topics', 'excerpts'].map((c) => <th key={c} scope="col">{t(`interviews.col.${c}`)}</th>)}<th scope="col"><span className="sr-only">{t('interviews.col.actions')}</span></th></tr></thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.code}</th><td>{t(`interviews.types.${i.type}`)}</td><td>{i.role}</td><td>{i.consent ? t('yes') : t('no')}</td><td>{i.topics.join(', ')}</td>
                <td>{i.excerpts.filter((e) => e.include).length}</td>
                <td>{!readOnly && <button type="button" className="btn btn--small" onClick={() => {
                  const { id, auditId: _a, createdAt: _c, updatedAt: _u, topics, ...rest } = i;
                  setEditing(id);
                  setForm({ ...rest, topics: topics.join(', ') });
                }}>{t('edit')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
      {!readOnly && !form && <button type="button" className="btn" onClick={() => setForm(blank(nextCode()))}>{t('interviews.record')}</button>}
      {!readOnly && form && (
        <div className="form--inset" role="form" aria-label={editing ? t('interviews.edit', { code: form.code }) : t('interviews.new')}>
          <div className="form__grid">
            <label className="field"><span>{t('interviews.col.code')}</span><input type="text" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} /></label>
            <label className="field"><span>{t('interviews.col.type')}</span>
              <select value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as Form['type'] })}><option value="individual">{t('interviews.types.individual')}</option><option value="group">{t('interviews.types.group')}</option></select>
            </label>
            <label className="field"><span>{t('interviews.role')}</span><input type="text" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} /></label>
            <label className="field"><span>{t('interviews.tenure')}</span>
              <select value={form.tenureBand} onChange={(e) => setForm({ ...form, tenureBand: e.target.value as Form['tenureBand'] })}>
                {TENURE_BANDS.map((b) => <option key={b} value={b}>{t(`interviews.tenures.${b || 'none'}`)}</option>)}
              </select>
            </label>
            <label className="field"><span>{t('interviews.language')}</span><input type="text" value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value })} /></label>
            <label className="field"><span>{t('interviews.interviewer')}</span><input type="text" value={form.interviewer} onChange={(e) => setForm({ ...form, interviewer: e.target.value })} /></label>
            <label className="field"><span>{t('interviews.topics')}</span><input type="text" value={form.topics} onChange={(e) => setForm({ ...form, topics: e.target.value })} /></label>
            <label className="field field--wide radio"><input type="checkbox" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} /> {t('interviews.consent')}</label>
            <label className="field field--wide"><span>{t('interviews.notes')}</span><textarea rows={4} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} /></label>
          </div>
          <ItemPicker label={t('interviews.items')} value={form.findingsRaised ?? []} onChange={(findingsRaised) => setForm({ ...form, findingsRaised })} />
          <h3>{t('interviews.excerpts')}</h3>
          {excerpts.map((e, i) => (
            <div key={i} className="ev-excerpt">
              <label className="field"><span>{t('interviews.excerpt', { n: i + 1 })}</span><textarea rows={2} value={e.text} onChange={(ev) => setExcerpt(i, { text: ev.target.value })} /></label>
              <label className="radio"><input type="checkbox" checked={e.include} onChange={(ev) => setExcerpt(i, { include: ev.target.checked })} /> {t('interviews.include')}</label>
            </div>
          ))}
          <button type="button" className="btn btn--small" onClick={() => setForm({ ...form, excerpts: [...excerpts, { text: '', include: false }] })}>{t('interviews.addExcerpt')}</button>
          <div className="form__actions">
            <button type="button" className="btn" onClick={() => { setForm(null); setEditing(null); }}>{t('cancel')}</button>
            <button type="button" className="btn btn--primary" disabled={action.busy} onClick={() => void save()}>{t('interviews.save')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
