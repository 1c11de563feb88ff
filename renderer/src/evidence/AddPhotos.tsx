// Adding photos: a file picker, drag and drop of many at once, or the
// laptop's camera. Files go one after another with one progress bar over
// all their bytes; a refused file says why and the others carry on.
import { useRef, useState, type DragEvent } from 'react';
import type { Photo, PhotoTarget } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { CameraCapture } from './CameraCapture';
import { uploadPhoto } from './upload';
import { useTranslation } from 'react-i18next';

interface Props {
  auditId: string;
  target: PhotoTarget;
  label: string;
  onAdded(photo: Photo): void;
}

interface Progress {
  done: number;
  total: number;
  sentBytes: number;
  totalBytes: number;
}

export function AddPhotos({ auditId, target, label, onAdded }: Props) {
  const { t } = useTranslation('evidence');
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  const [camera, setCamera] = useState(false);

  async function addFiles(files: File[]) {
    if (!files.length || progress) return;
    const totalBytes = files.reduce((n, f) => n + f.size, 0);
    let before = 0;
    const bad: string[] = [];
    const info: string[] = [];
    setProblems([]);
    setNotes([]);
    setProgress({ done: 0, total: files.length, sentBytes: 0, totalBytes });
    for (const [i, file] of files.entries()) {
      try {
        const r = await uploadPhoto(client, auditId, file, target, (sent) => setProgress({ done: i, total: files.length, sentBytes: before + sent, totalBytes }));
        if (r.duplicate) info.push(t('add.duplicate', { name: file.name }));
        else onAdded(r.photo);
      } catch (err) {
        bad.push(describeError(err).title);
      }
      before += file.size;
      setProgress({ done: i + 1, total: files.length, sentBytes: before, totalBytes });
    }
    setProgress(null);
    setProblems(bad);
    setNotes(info);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    void addFiles([...e.dataTransfer.files]);
  }

  const busy = progress !== null;
  return (
    <div className="ev-add">
      <div
        className={`ev-drop${over ? ' ev-drop--over' : ''}`}
        data-testid="photo-drop"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className="text-muted">{t('add.drop')}</span>
        <button type="button" className="btn btn--small" disabled={busy} onClick={() => input.current?.click()}>{t('add.choose')}</button>
        <button type="button" className="btn btn--small" disabled={busy} onClick={() => setCamera(true)}>{t('add.camera')}</button>
        <input
          ref={input}
          className="sr-only"
          type="file"
          multiple
          accept="image/*,.heic,.heif"
          aria-label={label}
          tabIndex={-1}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void addFiles(files);
          }}
        />
      </div>
      {progress && (
        <div className="ev-progress" role="status">
          <span>{t('add.progress', { n: Math.min(progress.done + 1, progress.total), total: progress.total })}</span>
          <progress max={progress.totalBytes || 1} value={progress.sentBytes} aria-label={t('add.progressLabel')} />
        </div>
      )}
      {problems.length > 0 && (
        <div className="banner banner--error" role="alert">
          <p><strong>{t('add.problems', { count: problems.length })}</strong></p>
          <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
      {notes.length > 0 && <ul className="text-muted ev-notes">{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
      {camera && <CameraCapture onClose={() => setCamera(false)} onShot={(file) => { setCamera(false); void addFiles([file]); }} />}
    </div>
  );
}
