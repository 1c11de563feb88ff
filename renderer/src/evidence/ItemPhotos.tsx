// The evidence slot under a checklist item in the walkthrough: the item's
// photos (and those of its finding), with adding and captioning in place.
import { ErrorPanel } from '../app/Status';
import { useAuditScope } from '../app/auditScope';
import { PhotoSet } from './PhotoSet';
import { usePhotos } from './usePhotos';
import './evidence.css';
import { useTranslation } from 'react-i18next';

export interface ItemPhotosProps {
  itemId: string;
  /** The answer asks for a photo: say so until one is attached. */
  evidenceRequired?: boolean;
}

export function ItemPhotos({ itemId, evidenceRequired = false }: ItemPhotosProps) {
  const { auditId } = useAuditScope();
  const state = usePhotos(auditId);
  const { t } = useTranslation('evidence');
  if (state.error) return <ErrorPanel error={state.error} onRetry={state.reload} />;
  // Counted from the photos on screen, so the warning goes the moment one is added.
  const missing = evidenceRequired && state.photos !== null && !state.photos.some((p) => p.itemId === itemId);
  return (
    <section className="ev-item" aria-label={t('item.label')}>
      {missing && (
        <p className="evidence-required" role="status">{t('item.required')}</p>
      )}
      <h4>{t('photos.title')}</h4>
      <PhotoSet
        state={state}
        target={{ kind: 'item', itemId }}
        show={(p) => p.itemId === itemId}
        addLabel={t('item.add')}
      />
    </section>
  );
}
