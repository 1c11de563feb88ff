// Documents reviewed: kind, title, notes, linked checklist items, and
// photos of the pages.
import { useEffect, useState } from 'react';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type ReviewedDocument } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { FormattedText } from './FormattedText';
import { PhotoSet } from './PhotoSet';
import type { PhotosState } from './usePhotos';

type Kind = ReviewedDocument['kind'];
interface Props {
  auditId: string;
  readOnly: boolean;
  photos: PhotosState;
  itemIds: ReadonlySet<string>;
}

const EMPTY = { kind: 'payroll_sample' as Kind, title: '', notes: '', items: '' };

export function DocumentsPanel({ auditId, readOnly, photos, itemIds }: Props) {
  const client = useClient();
  const [docs, setDocs] = useState<ReviewedDocument[] | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('documents.list', { auditId }).then(setDocs, (err: unknown) => setError(describeError(err).title));
  }, [client, auditId]);

  async function save() {
    const items = form.items.split(/[\s,]+/).filter(Boolean);
    const unknown = items.filter((i) => !itemIds.has(i));
    if (unknown.length) return setError(`No checklist item ${unknown.join(', ')}. Use item ids such as ${[...itemIds][0] ?? 's1.i1'}.`);
    try {
      const d = await client.call('documents.save', { ...(editing ? { id: editing } : {}), auditId, kind: form.kind, title: form.title, notes: form.notes, itemIds: items });
      setDocs((l) => (editing ? (l ?? []).map((x) => (x.id === d.id ? d : x)) : [...(l ?? []), d]));
      setForm(EMPTY);
      setEditing(null);
      setError(null);
    } catch (err) {
      setError(describeError(err).title);
    }
  }

  async function remove(id: string) {
    try {
      await client.call('documents.delete', { id });
      setDocs((l) => (l ?? []).filter((d) => d.id !== id));
    } catch (err) {
      setError(describeError(err).title);
    }
  }

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
                    <button type="button" className="btn btn--small" onClick={() => { setEditing(d.id); setForm({ kind: d.kind, title: d.title, notes: d.notes, items: d.itemIds.join(', ') }); }}>Edit</button>{' '}
                    <button type="button" className="btn btn--quiet btn--small" onClick={() => void remove(d.id)}>Delete</button>
                  </span>
                )}
              </div>
              {d.itemIds.length > 0 && <p className="text-muted">Items: {d.itemIds.join(', ')}</p>}
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
            <label className="field field--wide"><span>Linked items (ids, separated by commas)</span>
              <input type="text" value={form.items} onChange={(e) => setForm({ ...form, items: e.target.value })} />
            </label>
          </div>
          <div className="form__actions">
            {editing && <button type="button" className="btn" onClick={() => { setEditing(null); setForm(EMPTY); }}>Cancel</button>}
            <button type="button" className="btn btn--primary" disabled={!form.title.trim()} onClick={() => void save()}>{editing ? 'Save document' : 'Add document'}</button>
          </div>
        </div>
      )}
    </section>
  );
}
