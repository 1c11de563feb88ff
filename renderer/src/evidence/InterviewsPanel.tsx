// Worker interviews: pseudonymous codes, never names. Notes stay on this
// laptop; only excerpts marked "include" (from workers who consented) and
// counts of themes ever reach a report or bundle.
import { useEffect, useState } from 'react';
import { TENURE_BANDS, type Interview, type InterviewFormInput } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { useAction } from '../app/useAction';
import { ItemPicker } from './ItemPicker';

const TENURE_LABEL: Record<(typeof TENURE_BANDS)[number], string> = {
  '': 'Not recorded', under_3_months: 'Under 3 months', '3_to_12_months': '3 to 12 months', '1_to_3_years': '1 to 3 years', over_3_years: 'Over 3 years',
};

type Form = Omit<InterviewFormInput, 'auditId' | 'topics'> & { topics: string };
const blank = (code: string): Form => ({ code, type: 'individual', role: '', tenureBand: '', language: '', interviewer: '', consent: false, topics: '', findingsRaised: [], notes: '', excerpts: [] });
const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

export function InterviewsPanel({ auditId, readOnly }: { auditId: string; readOnly: boolean }) {
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
      <h2 id="ev-interviews">Worker interviews</h2>
      <p className="banner banner--locked">Private. Use a code such as W-07, never a name. Notes never leave this laptop; a report or bundle shows only counts, themes, and the excerpts you mark to include from workers who consented.</p>
      {list === null ? <p className="loading">Loading interviews…</p> : list.length === 0 ? <p className="empty">No interviews recorded yet.</p> : (
        <table className="ev-table">
          <thead><tr><th scope="col">Code</th><th scope="col">Type</th><th scope="col">Role</th><th scope="col">Consent</th><th scope="col">Topics</th><th scope="col">Excerpts to include</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.code}</th><td>{i.type}</td><td>{i.role}</td><td>{i.consent ? 'Yes' : 'No'}</td><td>{i.topics.join(', ')}</td>
                <td>{i.excerpts.filter((e) => e.include).length}</td>
                <td>{!readOnly && <button type="button" className="btn btn--small" onClick={() => {
                  const { id, auditId: _a, createdAt: _c, updatedAt: _u, topics, ...rest } = i;
                  setEditing(id);
                  setForm({ ...rest, topics: topics.join(', ') });
                }}>Edit</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
      {!readOnly && !form && <button type="button" className="btn" onClick={() => setForm(blank(nextCode()))}>Record an interview</button>}
      {!readOnly && form && (
        <div className="form--inset" role="form" aria-label={editing ? `Edit interview ${form.code}` : 'New interview'}>
          <div className="form__grid">
            <label className="field"><span>Code</span><input type="text" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} /></label>
            <label className="field"><span>Type</span>
              <select value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as Form['type'] })}><option value="individual">Individual</option><option value="group">Group</option></select>
            </label>
            <label className="field"><span>Role or department</span><input type="text" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} /></label>
            <label className="field"><span>Tenure</span>
              <select value={form.tenureBand} onChange={(e) => setForm({ ...form, tenureBand: e.target.value as Form['tenureBand'] })}>
                {TENURE_BANDS.map((b) => <option key={b} value={b}>{TENURE_LABEL[b]}</option>)}
              </select>
            </label>
            <label className="field"><span>Language</span><input type="text" value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value })} /></label>
            <label className="field"><span>Interviewer</span><input type="text" value={form.interviewer} onChange={(e) => setForm({ ...form, interviewer: e.target.value })} /></label>
            <label className="field"><span>Topics (separated by commas)</span><input type="text" value={form.topics} onChange={(e) => setForm({ ...form, topics: e.target.value })} /></label>
            <label className="field field--wide radio"><input type="checkbox" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} /> The worker consented to the interview and to anonymous quotes</label>
            <label className="field field--wide"><span>Notes (private)</span><textarea rows={4} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} /></label>
          </div>
          <ItemPicker label="Checklist items this interview raised" value={form.findingsRaised ?? []} onChange={(findingsRaised) => setForm({ ...form, findingsRaised })} />
          <h3>Excerpts</h3>
          {excerpts.map((e, i) => (
            <div key={i} className="ev-excerpt">
              <label className="field"><span>Excerpt {i + 1}</span><textarea rows={2} value={e.text} onChange={(ev) => setExcerpt(i, { text: ev.target.value })} /></label>
              <label className="radio"><input type="checkbox" checked={e.include} onChange={(ev) => setExcerpt(i, { include: ev.target.checked })} /> Include in the report</label>
            </div>
          ))}
          <button type="button" className="btn btn--small" onClick={() => setForm({ ...form, excerpts: [...excerpts, { text: '', include: false }] })}>Add an excerpt</button>
          <div className="form__actions">
            <button type="button" className="btn" onClick={() => { setForm(null); setEditing(null); }}>Cancel</button>
            <button type="button" className="btn btn--primary" disabled={action.busy} onClick={() => void save()}>Save interview</button>
          </div>
        </div>
      )}
    </section>
  );
}
