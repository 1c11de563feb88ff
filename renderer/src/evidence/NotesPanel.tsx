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
import { useAuditScope } from '../app/auditScope';
import { FormattedText } from './FormattedText';
import { useTranslation } from 'react-i18next';

interface Props {
  notes: Note[];
  sections: Array<{ id: string; title: string }>;
  scopeLabel(n: Note): string;
}

export function NotesPanel({ notes: initial, sections, scopeLabel }: Props) {
  const { auditId, readOnly } = useAuditScope();
  const client = useClient();
  const { t } = useTranslation('evidence');
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
      <h2 id="ev-notes">{t('notes.title')}</h2>
      {notes.length === 0 ? <p className="empty">{t('notes.empty')}</p> : (
        <ul className="ev-list" aria-label={t('notes.title')}>
          {notes.map((n, i) => (
            <li key={n.id} className="ev-list__item">
              <div className="panel__head">
                <span className="chip">{scopeLabel(n)}</span>
                {!readOnly && (deleting === n.id ? (
                  <span role="group" aria-label={t('notes.deleteQ', { n: i + 1 })}>
                    <button type="button" className="btn btn--danger btn--small" disabled={action.busy} onClick={() => void remove(n.id)}>{t('notes.delete')}</button>{' '}
                    <button type="button" className="btn btn--small" onClick={() => setDeleting(null)}>{t('keep')}</button>
                  </span>
                ) : (
                  <span>
                    <button type="button" className="btn btn--quiet btn--small" aria-label={t('notes.editN', { n: i + 1 })} onClick={() => { setEditing(n); setBody(n.body); }}>{t('edit')}</button>{' '}
                    <button type="button" className="btn btn--quiet btn--small" aria-label={t('notes.deleteN', { n: i + 1 })} onClick={() => setDeleting(n.id)}>{t('deleteAsk')}</button>
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
          {editing ? <p className="text-muted">{t('notes.editing', { scope: scopeLabel(editing) })}</p> : (
            <label className="field">
              <span>{t('notes.on')}</span>
              <select value={where} onChange={(e) => setWhere(e.target.value)}>
                <option value="">{t('notes.whole')}</option>
                {sections.map((s) => <option key={s.id} value={s.id}>{t('scope.section', { title: s.title })}</option>)}
              </select>
            </label>
          )}
          <div className="field">
            <label htmlFor={bodyId}>{editing ? t('notes.note') : t('notes.new')}</label>
            <textarea id={bodyId} rows={4} value={body} maxLength={50_000} onChange={(e) => setBody(e.target.value)} placeholder={t('notes.placeholder')} />
          </div>
          {error && <p className="field__error" role="alert">{error}</p>}
          <div className="form__actions">
            {editing && <button type="button" className="btn" onClick={() => { setEditing(null); setBody(''); }}>{t('cancel')}</button>}
            <button type="button" className="btn btn--primary" disabled={!body.trim() || action.busy} onClick={() => void save()}>{editing ? t('notes.save') : t('notes.add')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
