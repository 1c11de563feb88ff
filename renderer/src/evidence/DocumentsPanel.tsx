// Documents reviewed: kind, title, notes, linked checklist items, and
// photos of the pages.
import { useState } from 'react';
import type { ReviewedDocument } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { useAction } from '../app/useAction';
import { useAuditScope } from '../app/auditScope';
import { useAsync } from '../app/useAsync';
import { ErrorPanel } from '../app/Status';
import { useChecklistNames } from '../app/checklistNames';
import { DocumentForm } from './DocumentForm';
import { FormattedText } from './FormattedText';
import { PhotoSet } from './PhotoSet';
import type { PhotosState } from './usePhotos';
import { useTranslation } from 'react-i18next';

interface Props {
  photos: PhotosState;
}

export function DocumentsPanel({ photos }: Props) {
  const { auditId, readOnly } = useAuditScope();
  const client = useClient();
  const names = useChecklistNames();
  const { t } = useTranslation('evidence');
  const action = useAction();
  const [list, reload, update] = useAsync(() => client.call('documents.list', { auditId }), auditId);
  const [editing, setEditing] = useState<ReviewedDocument | null>(null);
  // A new key empties the form after a save or a cancel.
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const saved = (d: ReviewedDocument) => {
    update((l) => (l.some((x) => x.id === d.id) ? l.map((x) => (x.id === d.id ? d : x)) : [...l, d]));
    setEditing(null);
    setFormKey((k) => k + 1);
  };

  const remove = (id: string) => action.run(async () => {
    try {
      await client.call('documents.delete', { id });
      update((l) => l.filter((d) => d.id !== id));
      setError(null);
    } catch (err) {
      setError(describeError(err).title);
    }
  });

  const docs = list.status === 'ready' ? list.value : null;

  return (
    <section className="panel" aria-labelledby="ev-docs">
      <h2 id="ev-docs">{t('docs.title')}</h2>
      {list.status === 'error' && <ErrorPanel error={list.error} onRetry={reload} />}
      {list.status === 'loading' ? <p className="loading">{t('docs.loading')}</p> : docs === null ? null : docs.length === 0 ? <p className="empty">{t('docs.empty')}</p> : (
        <ul className="ev-list">
          {docs.map((d) => (
            <li key={d.id} className="ev-list__item" data-document-id={d.id}>
              <div className="panel__head">
                <h3>{d.title} <span className="chip">{t(`docKind.${d.kind}`, { ns: 'terms' })}</span></h3>
                {!readOnly && (
                  <span>
                    <button type="button" className="btn btn--small" onClick={() => { setEditing(d); setFormKey((k) => k + 1); }}>{t('edit')}</button>{' '}
                    <button type="button" className="btn btn--quiet btn--small" disabled={action.busy} onClick={() => void remove(d.id)}>{t('delete')}</button>
                  </span>
                )}
              </div>
              {d.itemIds.length > 0 && <p className="text-muted">{t('docs.items', { items: d.itemIds.map((i) => { const e = names?.item(i); return e ? t('docs.itemRef', { number: e.number, prompt: e.prompt }) : names?.itemText(i) ?? ''; }).join('; ') })}</p>}
              {d.notes && <FormattedText text={d.notes} />}
              <PhotoSet state={photos} target={{ kind: 'document', documentId: d.id }}
                show={(p) => p.target.kind === 'document' && p.target.documentId === d.id} addLabel={t('docs.addPhotos', { title: d.title })} />
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
      {!readOnly && (
        <DocumentForm key={formKey} editing={editing} onSaved={saved} onCancel={() => { setEditing(null); setFormKey((k) => k + 1); }} />
      )}
    </section>
  );
}
