// An audit's photos at HQ: thumbnails, and one full size in a dialog.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqAuditDetail } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { Modal } from '../app/Modal';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { dataUrl, hqCall } from './hqCall';

type Photo = HqAuditDetail['photos'][number];

function Thumb({ photo, index, onOpen }: { photo: Photo; index: number; onOpen(): void }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const sha = photo.annotatedSha256 ?? photo.sha256;
  const [img] = useAsync(() => hqCall(client, 'hq.photo', { sha256: sha, size: 'thumb' }), `thumb:${sha}`);
  const name = t('photos.open', { n: index + 1, caption: photo.caption || photo.itemId || t('photos.photo') });
  return (
    <li className="hq-photo">
      <button type="button" className="hq-photo__btn" onClick={onOpen} aria-label={name} disabled={!photo.stored}>
        {img.status === 'ready' ? <img src={dataUrl(img.value.base64, img.value.contentType)} alt="" /> : <span className="hq-photo__missing">{photo.stored ? '…' : t('photos.notStored')}</span>}
      </button>
      <span className="hq-photo__caption">{photo.caption || t('photos.label', { n: index + 1 })}{photo.itemId && <span className="text-muted"> · {photo.itemId}</span>}</span>
    </li>
  );
}

function FullSize({ photo, onClose }: { photo: Photo; onClose(): void }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const sha = photo.annotatedSha256 ?? photo.sha256;
  const [img] = useAsync(() => hqCall(client, 'hq.photo', { sha256: sha, size: 'full' }), `full:${sha}`);
  return (
    <Modal labelledBy="hq-photo-h" className="hq-viewer" onClose={onClose}>
      <div className="hq-viewer__head">
        <h2 id="hq-photo-h">{photo.caption || photo.itemId || t('photos.photo')}</h2>
        <button type="button" className="btn" onClick={onClose}>{t('photos.close')}</button>
      </div>
      {img.status === 'loading' && <Loading what={t('photos.loading')} />}
      {img.status === 'error' && <ErrorPanel error={img.error} />}
      {img.status === 'ready' && <img className="hq-viewer__img" src={dataUrl(img.value.base64, img.value.contentType)} alt={photo.caption || t('photos.photo')} data-testid="full-photo" />}
      <p className="text-muted">{t('photos.meta', { width: photo.width, height: photo.height, sha: sha.slice(0, 12) })}</p>
    </Modal>
  );
}

export function PhotoGallery({ photos }: { photos: Photo[] }) {
  const { t } = useTranslation('hq');
  const [open, setOpen] = useState<Photo | null>(null);
  if (!photos.length) return <p className="text-muted">{t('photos.none')}</p>;
  return (
    <>
      <ul className="hq-photos" aria-label={t('photos.listLabel')}>
        {photos.map((p, i) => <Thumb key={p.id} photo={p} index={i} onOpen={() => setOpen(p)} />)}
      </ul>
      {open && <FullSize photo={open} onClose={() => setOpen(null)} />}
    </>
  );
}
