// The evidence slot under a checklist item in the walkthrough: the item's
// photos (and those of its finding), with adding and captioning in place.
import { ErrorPanel } from '../app/Status';
import { PhotoSet } from './PhotoSet';
import { usePhotos } from './usePhotos';
import './evidence.css';

export interface ItemPhotosProps {
  auditId: string;
  itemId: string;
  readOnly: boolean;
  /** The answer asks for a photo: say so until one is attached. */
  evidenceRequired?: boolean;
}

export function ItemPhotos({ auditId, itemId, readOnly, evidenceRequired = false }: ItemPhotosProps) {
  const state = usePhotos(auditId);
  if (state.error) return <ErrorPanel error={state.error} onRetry={state.reload} />;
  // Counted from the photos on screen, so the warning goes the moment one is added.
  const missing = evidenceRequired && state.photos !== null && !state.photos.some((p) => p.itemId === itemId);
  return (
    <section className="ev-item" aria-label="Photos of this item">
      {missing && (
        <p className="evidence-required" role="status">This answer needs evidence: attach at least one photo before the audit can be finalized.</p>
      )}
      <h4>Photos</h4>
      <PhotoSet
        auditId={auditId}
        state={state}
        target={{ kind: 'item', itemId }}
        show={(p) => p.itemId === itemId}
        readOnly={readOnly}
        addLabel="Add photos to this item"
      />
    </section>
  );
}
