// Documents reviewed: kind, title, notes, linked checklist items, and
// photos of the pages.
import { useEffect, useState } from 'react';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type ReviewedDocument } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { useAction } from '../app/useAction';
import { useChecklistNames } from '../app/checklistNames';
import { ItemPicker } from './ItemPicker';
import { FormattedText } from './FormattedText';
import { PhotoSet } from './PhotoSet';
import type { PhotosState } from './usePhotos';

type Kind = ReviewedDocument['kind'];
interface Props {
  auditId: string;
  readOnly: boolean;
  photos: PhotosState;
}

const EMPTY = { kind: 'payroll_sample' as Kind, title: '', notes: '', items: [] as string[] };

export function DocumentsPanel({ auditId, readOnly, photos }: Props) {
  const client = useClient();
  const names = useChecklistNames();
  const action = useAction();
  const [docs, setDocs] = useState<ReviewedDocument[] | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('documents.list', { auditId }).then(setDocs, (err: unknown) => setError(describeError(err).title));
  }, [client, auditId]);

  const save = () => action.run(async () => {
    try {
      const d = await client.call('documents.save', { ...(editing ? { id: editing } : {}), auditId, kind: form.kind, title: form.title, notes: form.notes, itemIds: form.items });
      setDocs((l) => (editing ? (l ?? []).map((x) => (x.id === d.id ? d : x)) : [...(l ?? []), d]));
      setForm(EMPTY);
      setEditing(null);
      setError(null);
    } catch (err) {
      setError(describeError(err).title);
    }
  });

  const remove = (id: string) => action.run(async () => {
    try {
      await client.call('documents.delete', { id });
      setDocs((l) => (l ?? []).filter((d) => d.id !== id));
    } catch (err) {
      setError(describeError(err).title);
    }
  });

  return (
    <section className="panel" aria-labelledby="ev-docs">
      <h2 id="ev-docs">Documents reviewed</h2>
      {docs === null ? <p className="loading">Loading documents…</p> : docs.length === 0 ? <p className="empty">No documents recorded yet.</p> : (
        <ul className="ev-list">
          {docs.map((d) => (
            <li key={d.id} className="ev-list__item" data-document-id={d.id}>
              <div className="panel__head">
                <h3>{d.title} <span className="chip">{DOCUMENT_KIND_LABELS[d.kind]}</span></h3>
                {!readOnly && (
                  <span>
                    <button type="button" className="btn btn--small" onClick={() => { setEditing(d.id); setForm({ kind: d.kind, title: d.title, notes: d.notes, items: d.itemIds }); }}>Edit</button>{' '}
                    <button type="button" className="btn btn--quiet btn--small" disabled={action.busy} onClick={() => void remove(d.id)}>Delete</button>
                  </span>
                )}
              </div>
              {d.itemIds.length > 0 && <p className="text-muted">Items: {d.itemIds.map((i) => names?.itemText(i).replace(/^Item /, '') ?? '').join('; ')}</p>}
              {d.notes && <FormattedText text={d.notes} />}
              <PhotoSet auditId={auditId} state={photos} target={{ kind: 'document', documentId: d.id }} readOnly={readOnly}
                show={(p) => p.target.kind === 'document' && p.target.documentId === d.id} addLabel={`Add photos of ${d.title}`} />
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
      {!readOnly && (
        <div className="form--inset" role="form" aria-label={editing ? 'Edit document' : 'New document'}>
          <div className="form__grid">
            <label className="field"><span>Kind</span>
              <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })}>
                {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{DOCUMENT_KIND_LABELS[k]}</option>)}
              </select>
            </label>
            <label className="field"><span>Title</span>
              <input type="text" value={form.title} maxLength={200} placeholder="October payroll, 12 workers" onChange={(e) => setForm({ ...form, title: e.target.value })} />
            </label>
            <label className="field field--wide"><span>Notes</span>
              <textarea rows={3} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
            </label>
            <ItemPicker label="Linked checklist items" value={form.items} onChange={(items) => setForm({ ...form, items })} />
          </div>
          <div className="form__actions">
            {editing && <button type="button" className="btn" onClick={() => { setEditing(null); setForm(EMPTY); }}>Cancel</button>}
            <button type="button" className="btn btn--primary" disabled={!form.title.trim() || action.busy} onClick={() => void save()}>{editing ? 'Save document' : 'Add document'}</button>
          </div>
        </div>
      )}
    </section>
  );
}
