// Notes of the audit, its sections and items, with light formatting
// (line breaks, lists). Notes for the audit or a section are written here;
// item notes come from the walkthrough and can be edited here too. Until the
// audit is finalized a note can be edited or deleted (each change is an event
// of the audit's trail).
import { useId, useState } from 'react';
import type { Note } from '../../../shared/domain/finding';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { useAction } from '../app/useAction';
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
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  // Labelled by id, not by wrapping: a wrapping label would add the note's text to the field's name.
  const bodyId = useId();

  const save = () => action.run(async () => {
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
  });

  const remove = (id: string) => action.run(async () => {
    try {
      await client.call('notes.delete', { id });
      setNotes((l) => l.filter((x) => x.id !== id));
      if (editing?.id === id) { setEditing(null); setBody(''); }
      setError(null);
    } catch (err) {
      setError(describeError(err).title);
    }
    setDeleting(null);
  });

  return (
    <section className="panel" aria-labelledby="ev-notes">
      <h2 id="ev-notes">Notes</h2>
      {notes.length === 0 ? <p className="empty">No notes yet.</p> : (
        <ul className="ev-list" aria-label="Notes">
          {notes.map((n, i) => (
            <li key={n.id} className="ev-list__item">
              <div className="panel__head">
                <span className="chip">{scopeLabel(n)}</span>
                {!readOnly && (deleting === n.id ? (
                  <span role="group" aria-label={`Delete note ${i + 1}?`}>
                    <button type="button" className="btn btn--danger btn--small" disabled={action.busy} onClick={() => void remove(n.id)}>Delete note</button>{' '}
                    <button type="button" className="btn btn--small" onClick={() => setDeleting(null)}>Keep</button>
                  </span>
                ) : (
                  <span>
                    <button type="button" className="btn btn--quiet btn--small" aria-label={`Edit note ${i + 1}`} onClick={() => { setEditing(n); setBody(n.body); }}>Edit</button>{' '}
                    <button type="button" className="btn btn--quiet btn--small" aria-label={`Delete note ${i + 1}…`} onClick={() => setDeleting(n.id)}>Delete…</button>
                  </span>
                ))}
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
          <div className="field">
            <label htmlFor={bodyId}>{editing ? 'Note' : 'New note'}</label>
            <textarea id={bodyId} rows={4} value={body} maxLength={50_000} onChange={(e) => setBody(e.target.value)} placeholder={'One point per line; start a line with "- " for a list.'} />
          </div>
          {error && <p className="field__error" role="alert">{error}</p>}
          <div className="form__actions">
            {editing && <button type="button" className="btn" onClick={() => { setEditing(null); setBody(''); }}>Cancel</button>}
            <button type="button" className="btn btn--primary" disabled={!body.trim() || action.busy} onClick={() => void save()}>{editing ? 'Save note' : 'Add note'}</button>
          </div>
        </div>
      )}
    </section>
  );
}
