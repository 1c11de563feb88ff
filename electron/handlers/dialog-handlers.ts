// "Save as…": the sources a person may save (a report or a bundle of this
// data folder, a short text such as the enrolment code), and two ways to do
// it. Without a desktop (web harness, command line) the answer is the bytes
// to download; the desktop shell shows its native dialog, starting in the
// folder used last (a USB stick, say), and copies the file there.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { dialogOps, SaveOutcome, SaveSource } from '../../shared/contract/dialog-ops';
import { AppError } from '../../shared/errors';
import { resolveReportFile } from '../core/report/export';
import { getOutboxItem } from '../core/sync/outbox-store';

type DialogHandlers = { [K in keyof typeof dialogOps]: Handler<K, Core> };

interface Resolved { fileName: string; mimeType: string; file?: string; text?: string }

function resolveSource(core: Core, s: SaveSource): Resolved {
  if (s.kind === 'report') return { fileName: s.name, mimeType: 'application/pdf', file: resolveReportFile(core, s.name) };
  if (s.kind === 'text') return { fileName: s.fileName, mimeType: 'text/plain', text: s.text };
  const item = getOutboxItem(core.db, s.bundleId);
  if (!item || !existsSync(item.path)) throw new AppError('not_found', 'That bundle file is no longer in the outbox. Make the bundle again.');
  return { fileName: basename(item.path), mimeType: 'application/octet-stream', file: item.path };
}

export const dialogHandlers: DialogHandlers = {
  'dialog.save': ({ source }, core): SaveOutcome => {
    const r = resolveSource(core, source);
    const bytes = r.file ? readFileSync(r.file) : Buffer.from(r.text ?? '', 'utf8');
    return { outcome: 'download', fileName: r.fileName, mimeType: r.mimeType, base64: bytes.toString('base64') };
  },
};

/** The part of Electron's dialog module used here. */
export interface NativeDialogs {
  showSaveDialog(options: { title: string; defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<{ canceled: boolean; filePath?: string }>;
}

const FILTERS: Record<SaveSource['kind'], { name: string; extensions: string[] }> = {
  report: { name: 'PDF report', extensions: ['pdf'] },
  bundle: { name: 'Fairsite bundle', extensions: ['fsb'] },
  text: { name: 'Text', extensions: ['txt'] },
};

/** The folder last saved to, kept in the data folder so it outlives a restart. */
function lastFolderFile(core: Core): string {
  return join(core.dataDir, 'last-save-folder.txt');
}

export function desktopDialogHandlers(native: NativeDialogs, fallbackFolder: string): DialogHandlers {
  return {
    'dialog.save': async ({ source }, core): Promise<SaveOutcome> => {
      const r = resolveSource(core, source);
      const remembered = existsSync(lastFolderFile(core)) ? readFileSync(lastFolderFile(core), 'utf8').trim() : '';
      const start = remembered && existsSync(remembered) ? remembered : fallbackFolder;
      const picked = await native.showSaveDialog({ title: 'Save as', defaultPath: join(start, r.fileName), filters: [FILTERS[source.kind]] });
      if (picked.canceled || !picked.filePath) return { outcome: 'cancelled' };
      try {
        if (r.file) copyFileSync(r.file, picked.filePath);
        else writeFileSync(picked.filePath, r.text ?? '', 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'that folder cannot be written to' : code === 'EROFS' ? 'that drive is read-only' : 'the file could not be written';
        throw new AppError('storage', `Not saved to ${picked.filePath}: ${why}. Choose another folder or drive.`);
      }
      writeFileSync(lastFolderFile(core), dirname(picked.filePath), 'utf8');
      return { outcome: 'saved', path: picked.filePath };
    },
  };
}
