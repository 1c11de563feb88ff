// Full-size viewer: the report-size image (the annotated copy when there is
// one, the original picture on request), with ←/→ to move and Esc to close.
// The annotation editor opens on top of it and gives focus back when done.
import { useState } from 'react';
import type { Photo } from '../../../shared/domain/evidence';
import { captureText, photoUrl, shownSha } from './files';
import { Annotator } from './Annotator';
import { Modal } from '../app/Modal';
import { useChecklistNames, type ChecklistNames } from '../app/checklistNames';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLocaleFormat } from '../i18n/format';
import { useAuditScope } from '../app/auditScope';

interface Props {
  photos: Photo[];
  index: number;
  onIndex(i: number): void;
  onClose(): void;
  onChanged(p: Photo): void;
}


function targetText(p: Photo, names: ChecklistNames | null, t: TFunction): string {
  const to = p.target;
  if (to.kind === 'item') return names?.itemText(to.itemId) ?? t('target.item');
  if (to.kind === 'section') return names?.sectionText(to.sectionId) ?? t('target.section');
  if (to.kind === 'finding' && p.itemId && names) return t('target.findingOn', { item: names.itemText(p.itemId) });
  return t(`target.${to.kind}`);
}

export function PhotoViewer({ photos, index, onIndex, onClose, onChanged }: Props) {
  const { readOnly, timeZone } = useAuditScope();
  const names = useChecklistNames();
  const { t } = useTranslation('evidence');
  const f = useLocaleFormat();
  const [originalAt, setOriginalAt] = useState<number | null>(null);
  const original = originalAt === index;
  const [annotating, setAnnotating] = useState(false);
  const photo = photos[index];

  if (!photo) return null;
  const go = (d: number) => onIndex((index + d + photos.length) % photos.length);
  const sha = original ? photo.sha256 : shownSha(photo);

  return (
    <>
      <Modal
        labelledBy="viewer-title"
        className="ev-viewer"
        onClose={onClose}
        onKeyDown={(e) => {
          if ((e.target as HTMLElement).tagName === 'INPUT') return;
          if (e.key === 'ArrowRight') go(1);
          else if (e.key === 'ArrowLeft') go(-1);
          else return;
          e.preventDefault();
        }}
      >
        <div className="ev-viewer__head">
          <h2 id="viewer-title">{t('viewer.title', { n: index + 1, total: photos.length })}</h2>
          <span className="text-muted">{t('viewer.keys')}</span>
        </div>
        <img className="ev-viewer__img" src={photoUrl('report', sha)} alt={photo.caption || t('photos.nthTitle', { n: index + 1 })} />
        <dl className="kv ev-viewer__facts">
          <dt>{t('viewer.caption')}</dt><dd>{photo.caption || '—'}</dd>
          <dt>{photo.captureSource === 'exif' ? t('viewer.taken') : t('photos.added')}</dt><dd>{captureText(photo, timeZone)}</dd>
          <dt>{t('viewer.attached')}</dt><dd>{targetText(photo, names, t)}</dd>
          <dt>{t('viewer.file')}</dt><dd>{t('viewer.fileLine', { name: photo.originalName, format: photo.format.toUpperCase(), width: photo.width, height: photo.height })}</dd>
          {photo.gps && <><dt>{t('viewer.position')}</dt><dd>{t('viewer.latLon', { lat: f.fixed(photo.gps.lat, 5), lon: f.fixed(photo.gps.lon, 5) })}</dd></>}
          <dt>SHA-256</dt><dd><code className="ev-hash">{photo.sha256}</code></dd>
        </dl>
        <div className="form__actions">
          {photo.annotatedSha256 && (
            <button type="button" className="btn" aria-pressed={original} onClick={() => setOriginalAt(original ? null : index)}>{original ? t('viewer.showAnnotated') : t('viewer.showOriginal')}</button>
          )}
          {!readOnly && <button type="button" className="btn" onClick={() => setAnnotating(true)}>{t('viewer.annotate')}</button>}
          <button type="button" className="btn" onClick={() => go(-1)} aria-label={t('viewer.prevLabel')}>{t('viewer.prev')}</button>
          <button type="button" className="btn" onClick={() => go(1)} aria-label={t('viewer.nextLabel')}>{t('viewer.next')}</button>
          <button type="button" className="btn btn--primary" onClick={onClose}>{t('close')}</button>
        </div>
      </Modal>
      {annotating && <Annotator photo={photo} onClose={() => setAnnotating(false)} onSaved={(p) => { onChanged(p); setAnnotating(false); }} />}
    </>
  );
}
