// Documents reviewed: kind, title, notes, linked checklist items, and
// photos of the pages.
import { useEffect, useState } from 'react';
import { DOCUMENT_KINDS, type ReviewedDocument } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { useAction } from '../app/useAction';
import { useChecklistNames } from '../app/checklistNames';
import { ItemPicker } from './ItemPicker';
import { FormattedText } from './FormattedText';
import { PhotoSet } from './PhotoSet';
import type { PhotosState } from './usePhotos';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('evidence');
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
      <h2 id="ev-docs">{t('docs.title')}</h2>
      {docs === null ? <p className="loading">{t('docs.loading')}</p> : docs.length === 0 ? <p className="empty">{t('docs.empty')}</p> : (
        <ul className="ev-list">
          {docs.map((d) => (
            <li key={d.id} className="ev-list__item" data-document-id={d.id}>
              <div className="panel__head">
                <h3>{d.title} <span className="chip">{t(`docKind.${d.kind}`, { ns: 'terms' })}</span></h3>
                {!readOnly && (
                  <span>
                    <button type="button" className="btn btn--small" onClick={() => { setEditing(d.id); setForm({ kind: d.kind, title: d.title, notes: d.notes, items: d.itemIds }); }}>{t('edit')}</button>{' '}
                    <button type="button" className="btn btn--quiet btn--small" disabled={action.busy} onClick={() => void remove(d.id)}>{t('delete')}</button>
                  </span>
                )}
              </div>
              {d.itemIds.length > 0 && <p className="text-muted">{t('docs.items', { items: d.itemIds.map((i) => { const e = names?.item(i); return e ? t('docs.itemRef', { number: e.number, prompt: e.prompt }) : names?.itemText(i) ?? ''; }).join('; ') })}</p>}
              {d.notes && <FormattedText text={d.notes} />}
              <PhotoSet auditId={auditId} state={photos} target={{ kind: 'document', documentId: d.id }} readOnly={readOnly}
                show={(p) => p.target.kind === 'document' && p.target.documentId === d.id} addLabel={t('docs.addPhotos', { title: d.title })} />
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
      {!readOnly && (
        <div className="form--inset" role="form" aria-label={editing ? t('docs.edit') : t('docs.new')}>
          <div className="form__grid">
            <label className="field"><span>{t('docs.kind')}</span>
              <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })}>
                {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{t(`docKind.${k}`, { ns: 'terms' })}</option>)}
              </select>
            </label>
            <label className="field"><span>{t('docs.titleField')}</span>
              <input type="text" value={form.title} maxLength={200} placeholder={t('docs.titlePlaceholder')} onChange={(e) => setForm({ ...form, title: e.target.value })} />
            </label>
            <label className="field field--wide"><span>{t('docs.notes')}</span>
              <textarea rows={3} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
            </label>
            <ItemPicker label={t('docs.linked')} value={form.items} onChange={(items) => setForm({ ...form, items })} />
          </div>
          <div className="form__actions">
            {editing && <button type="button" className="btn" onClick={() => { setEditing(null); setForm(EMPTY); }}>{t('cancel')}</button>}
            <button type="button" className="btn btn--primary" disabled={!form.title.trim() || action.busy} onClick={() => void save()}>{editing ? t('docs.save') : t('docs.add')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
