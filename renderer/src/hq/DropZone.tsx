// Where bundle files arrive by hand (a USB stick): dropped here, or chosen
// with the Open dialog (files, or a whole folder).
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { openFiles } from './openFiles';
import type { InboxImport } from './useInboxImport';

export function DropZone({ imp }: { imp: InboxImport }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [over, setOver] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);

  const choose = async (pick: 'files' | 'folder') => {
    setOpenError(null);
    try {
      const o = await openFiles(client, 'bundles', pick);
      if (o?.kind === 'paths') await imp.importPaths(o.paths);
      else if (o?.kind === 'files') await imp.importFiles(o.files);
    } catch (e) {
      setOpenError(e);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length && !imp.busy) void imp.importFiles(files);
  };

  return (
    <div className={`dropzone${over ? ' dropzone--over' : ''}`} data-testid="inbox-drop"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
      <p className="dropzone__title">{t('inbox.dropTitle')}</p>
      <p className="text-muted">{t('inbox.dropHint')}</p>
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={imp.busy} onClick={() => void choose('files')}>{t('inbox.chooseFiles')}</button>
        <button type="button" className="btn" disabled={imp.busy} onClick={() => void choose('folder')}>{t('inbox.chooseFolder')}</button>
      </div>
      {imp.busy && <progress max={1} value={imp.progress} aria-label={t('inbox.progress')} />}
      {openError !== null && <ErrorPanel error={openError} />}
    </div>
  );
}
