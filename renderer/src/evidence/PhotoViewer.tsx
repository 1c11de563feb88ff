// Full-size viewer: the report-size image (the annotated copy when there is
// one, the original picture on request), with ←/→ to move and Esc to close.
// The annotation editor opens on top of it and gives focus back when done.
import { useState } from 'react';
import type { Photo } from '../../../shared/domain/evidence';
import { captureText, photoUrl, shownSha } from './files';
import { Annotator } from './Annotator';
import { Modal } from '../app/Modal';
import { useChecklistNames, type ChecklistNames } from '../app/checklistNames';

interface Props {
  photos: Photo[];
  index: number;
  readOnly: boolean;
  onIndex(i: number): void;
  onClose(): void;
  onChanged(p: Photo): void;
}

const TARGET_LABEL: Record<Photo['target']['kind'], string> = { audit: 'The audit', section: 'Section', item: 'Item', finding: 'Finding', document: 'Document' };

function targetText(p: Photo, names: ChecklistNames | null): string {
  const t = p.target;
  if (t.kind === 'item') return names?.itemText(t.itemId) ?? 'Item';
  if (t.kind === 'section') return names?.sectionText(t.sectionId) ?? 'Section';
  if (t.kind === 'finding' && p.itemId && names) return `Finding on ${names.itemText(p.itemId)}`;
  return TARGET_LABEL[t.kind];
}

export function PhotoViewer({ photos, index, readOnly, onIndex, onClose, onChanged }: Props) {
  const names = useChecklistNames();
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
          <h2 id="viewer-title">Photo {index + 1} of {photos.length}</h2>
          <span className="text-muted">←/→ to move, Esc to close</span>
        </div>
        <img className="ev-viewer__img" src={photoUrl('report', sha)} alt={photo.caption || `Photo ${index + 1}`} />
        <dl className="kv ev-viewer__facts">
          <dt>Caption</dt><dd>{photo.caption || '—'}</dd>
          <dt>{photo.captureSource === 'exif' ? 'Taken' : 'Added'}</dt><dd>{captureText(photo)}</dd>
          <dt>Attached to</dt><dd>{targetText(photo, names)}</dd>
          <dt>File</dt><dd>{photo.originalName} · {photo.format.toUpperCase()} · {photo.width}×{photo.height}</dd>
          {photo.gps && <><dt>Position</dt><dd>{photo.gps.lat.toFixed(5)}, {photo.gps.lon.toFixed(5)}</dd></>}
          <dt>SHA-256</dt><dd><code className="ev-hash">{photo.sha256}</code></dd>
        </dl>
        <div className="form__actions">
          {photo.annotatedSha256 && (
            <button type="button" className="btn" aria-pressed={original} onClick={() => setOriginalAt(original ? null : index)}>{original ? 'Show annotated copy' : 'Show original'}</button>
          )}
          {!readOnly && <button type="button" className="btn" onClick={() => setAnnotating(true)}>Annotate…</button>}
          <button type="button" className="btn" onClick={() => go(-1)} aria-label="Previous photo">← Previous</button>
          <button type="button" className="btn" onClick={() => go(1)} aria-label="Next photo">Next →</button>
          <button type="button" className="btn btn--primary" onClick={onClose}>Close</button>
        </div>
      </Modal>
      {annotating && <Annotator photo={photo} onClose={() => setAnnotating(false)} onSaved={(p) => { onChanged(p); setAnnotating(false); }} />}
    </>
  );
}
