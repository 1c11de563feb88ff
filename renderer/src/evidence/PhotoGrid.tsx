// Thumbnails of photos with their captions. A click opens the full-size
// viewer; captions save when the field is left; deleting asks once more.
import { useState } from 'react';
import type { Photo } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { captureText, photoUrl, shownSha } from './files';
import { useTranslation } from 'react-i18next';
import { useAuditScope } from '../app/auditScope';

interface Props {
  photos: Photo[];
  onOpen(index: number): void;
  onChanged(p: Photo): void;
  onDeleted(id: string): void;
}

export function PhotoGrid({ photos, onOpen, onChanged, onDeleted }: Props) {
  const { t } = useTranslation('evidence');
  if (!photos.length) return <p className="empty">{t('photos.empty')}</p>;
  return (
    <ul className="ev-grid" aria-label={t('photos.title')}>
      {photos.map((p, i) => <PhotoTile key={p.id} photo={p} n={i + 1} onOpen={() => onOpen(i)} onChanged={onChanged} onDeleted={onDeleted} />)}
    </ul>
  );
}

function PhotoTile({ photo, n, onOpen, onChanged, onDeleted }: { photo: Photo; n: number; onOpen(): void; onChanged(p: Photo): void; onDeleted(id: string): void }) {
  const { readOnly, timeZone } = useAuditScope();
  const client = useClient();
  const { t } = useTranslation('evidence');
  const [caption, setCaption] = useState(photo.caption);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function saveCaption() {
    if (caption.trim() === photo.caption) return;
    setState('saving');
    try {
      onChanged(await client.call('evidence.caption', { id: photo.id, caption }));
      setState('saved');
      setError(null);
    } catch (err) {
      setState('idle');
      setError(describeError(err).title);
    }
  }

  async function remove() {
    try {
      await client.call('evidence.delete', { id: photo.id });
      onDeleted(photo.id);
    } catch (err) {
      setError(describeError(err).title);
      setConfirming(false);
    }
  }

  const name = photo.caption || photo.originalName || t('photos.nth', { n });
  return (
    <li className="ev-tile" data-photo-id={photo.id}>
      <button type="button" className="ev-tile__open" onClick={onOpen} aria-label={t('photos.open', { n, name })}>
        <img src={photoUrl('thumb', shownSha(photo))} alt={photo.caption || t('photos.nthTitle', { n })} loading="lazy" />
      </button>
      {/* Outside the button: its name is the photo's, and a visible word inside it would have to be part of that name. */}
      {photo.annotatedSha256 && <span className="chip ev-tile__mark">{t('photos.annotated')}</span>}
      <div className="ev-tile__meta">
        {readOnly ? (
          <p className="ev-tile__caption">{photo.caption || <span className="text-muted">{t('photos.noCaption')}</span>}</p>
        ) : (
          <label className="ev-tile__caption">
            <span className="sr-only">{t('photos.captionFor', { n })}</span>
            <input
              type="text" value={caption} maxLength={500} placeholder={t('photos.addCaption')}
              onChange={(e) => { setCaption(e.target.value); setState('idle'); }}
              onBlur={() => void saveCaption()}
              onKeyDown={(e) => { if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }}
            />
          </label>
        )}
        <span className="text-muted ev-tile__time" title={photo.captureSource === 'exif' ? t('photos.takenClock') : t('photos.added')}>
          {captureText(photo, timeZone)}
          {state === 'saving' ? t('photos.savingSuffix') : state === 'saved' ? t('photos.savedSuffix') : ''}
        </span>
        {!readOnly && (confirming ? (
          <span className="ev-tile__confirm">
            <button type="button" className="btn btn--danger btn--small" onClick={() => void remove()}>{t('delete')}</button>
            <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>{t('keep')}</button>
          </span>
        ) : (
          <button type="button" className="btn btn--quiet btn--small" aria-label={t('photos.deleteN', { n })} onClick={() => setConfirming(true)}>{t('deleteAsk')}</button>
        ))}
        {error && <p className="field__error" role="alert">{error}</p>}
      </div>
    </li>
  );
}
