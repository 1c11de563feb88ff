// Photos of one target (an item, a document, the audit) with the means to
// add, caption, view, annotate and delete them.
import { useState } from 'react';
import type { Photo, PhotoTarget } from '../../../shared/domain/evidence';
import { AddPhotos } from './AddPhotos';
import { PhotoGrid } from './PhotoGrid';
import { PhotoViewer } from './PhotoViewer';
import type { PhotosState } from './usePhotos';
import { useAuditScope } from '../app/auditScope';
import { useTranslation } from 'react-i18next';

interface Props {
  state: PhotosState;
  target: PhotoTarget | null;
  show(p: Photo): boolean;
  addLabel: string;
}

export function PhotoSet({ state, target, show, addLabel }: Props) {
  const { auditId, readOnly } = useAuditScope();
  const [open, setOpen] = useState<number | null>(null);
  const { t } = useTranslation('evidence');
  const photos = (state.photos ?? []).filter(show);
  return (
    <div className="ev-set">
      {!readOnly && target && <AddPhotos auditId={auditId} target={target} label={addLabel} onAdded={state.replace} />}
      {state.photos === null ? <p className="loading" role="status">{t('photos.loading')}</p> : (
        <PhotoGrid photos={photos} onOpen={setOpen} onChanged={state.replace} onDeleted={state.remove} />
      )}
      {open !== null && photos[open] && (
        <PhotoViewer photos={photos} index={open} onIndex={setOpen} onClose={() => setOpen(null)} onChanged={state.replace} />
      )}
    </div>
  );
}
