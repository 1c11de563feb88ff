// Notes of the audit, its sections and items, with light formatting
// (line breaks, lists). Notes for the audit or a section are written here;
// item notes come from the walkthrough and can be edited here too.
import { useState } from 'react';
import type { Note } from '../../../shared/domain/finding';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { FormattedText } from './FormattedText';

interface Props {
  auditId: string;
  notes: Note[];
  readOnly: boolean;
  sections: Array<{ id: string; title: string }>;
  scopeLabel(n: Note): string;
}

export function NotesPanel({ auditId, notes: initial, readOnly, sections, scopeLabel }: Props) {
  const client = useClient();
  const [notes, setNotes] = useState(initial);
  const [body, setBody] = useState('');
  const [where, setWhere] = useState('');
  const [editing, setEditing] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const scope = editing ? { scope: editing.scope, ref: editing.ref } : where ? { scope: 'section' as const, ref: where } : { scope: 'audit' as const, ref: '' };
    try {
      const n = await client.call('notes.save', { ...(editing ? { id: editing.id } : {}), auditId, ...scope, body });
      setNotes((l) => (editing ? l.map((x) => (x.id === n.id ? n : x)) : [...l, n]));
      setBody('');
      setEditing(null);
      setError(null);
    } catch (err) {
      setError(describeError(err).title);
    }
  }

  return (
    <section className="panel" aria-labelledby="ev-notes">
      <h2 id="ev-notes">Notes</h2>
      {notes.length === 0 ? <p className="empty">No notes yet.</p> : (
        <ul className="ev-list">
          {notes.map((n) => (
            <li key={n.id} className="ev-list__item">
              <div className="panel__head">
                <span className="chip">{scopeLabel(n)}</span>
                {!readOnly && <button type="button" className="btn btn--quiet btn--small" onClick={() => { setEditing(n); setBody(n.body); }}>Edit</button>}
              </div>
              <FormattedText text={n.body} />
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="form--inset">
          {editing ? <p className="text-muted">Editing the note on {scopeLabel(editing)}</p> : (
            <label className="field">
              <span>Note on</span>
              <select value={where} onChange={(e) => setWhere(e.target.value)}>
                <option value="">The audit as a whole</option>
                {sections.map((s) => <option key={s.id} value={s.id}>Section: {s.title}</option>)}
              </select>
            </label>
          )}
          <label className="field">
            <span>{editing ? 'Note' : 'New note'}</span>
            <textarea rows={4} value={body} maxLength={50_000} onChange={(e) => setBody(e.target.value)} placeholder={'One point per line; start a line with "- " for a list.'} />
          </label>
          {error && <p className="field__error" role="alert">{error}</p>}
          <div className="form__actions">
            {editing && <button type="button" className="btn" onClick={() => { setEditing(null); setBody(''); }}>Cancel</button>}
            <button type="button" className="btn btn--primary" disabled={!body.trim()} onClick={() => void save()}>{editing ? 'Save note' : 'Add note'}</button>
          </div>
        </div>
      )}
    </section>
  );
}
