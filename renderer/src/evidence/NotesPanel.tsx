// Notes of the audit, its sections and items, with light formatting
// (line breaks, lists). New notes here belong to the audit as a whole.
import { useState } from 'react';
import type { Note } from '../../../shared/domain/finding';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { FormattedText } from './FormattedText';

interface Props {
  auditId: string;
  notes: Note[];
  readOnly: boolean;
  scopeLabel(n: Note): string;
}

export function NotesPanel({ auditId, notes: initial, readOnly, scopeLabel }: Props) {
  const client = useClient();
  const [notes, setNotes] = useState(initial);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    try {
      const n = await client.call('notes.save', { auditId, scope: 'audit', ref: '', body });
      setNotes((l) => [...l, n]);
      setBody('');
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
              <span className="chip">{scopeLabel(n)}</span>
              <FormattedText text={n.body} />
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="form--inset">
          <label className="field">
            <span>New note for the audit</span>
            <textarea rows={4} value={body} maxLength={50_000} onChange={(e) => setBody(e.target.value)} placeholder={'One point per line; start a line with "- " for a list.'} />
          </label>
          {error && <p className="field__error" role="alert">{error}</p>}
          <div className="form__actions"><button type="button" className="btn btn--primary" disabled={!body.trim()} onClick={() => void add()}>Add note</button></div>
        </div>
      )}
    </section>
  );
}
