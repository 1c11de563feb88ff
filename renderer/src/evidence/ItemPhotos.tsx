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
}

export function ItemPhotos({ auditId, itemId, readOnly }: ItemPhotosProps) {
  const state = usePhotos(auditId);
  if (state.error) return <ErrorPanel error={state.error} onRetry={state.reload} />;
  return (
    <section className="ev-item" aria-label="Photos of this item">
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
