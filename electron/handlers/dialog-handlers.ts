// "Save as…": the sources a person may save (a report or a bundle of this
// data folder, a short text such as the enrolment code), and two ways to do
// it. Without a desktop (web harness, command line) the answer is the bytes
// to download; the desktop shell shows its native dialog, starting in the
// folder used last (a USB stick, say), and copies the file there.
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import { MAX_OPEN_READ_BYTES, type dialogOps, type OpenOutcome, type OpenPurpose, type SaveOutcome, type SaveSource } from '../../shared/contract/dialog-ops';
import { resolveReportFile } from '../core/report/export';
import { getOutboxItem } from '../core/sync/outbox-store';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';
import { sayIn } from '../core/said';

type DialogHandlers = { [K in keyof typeof dialogOps]: Handler<K, Core> };

interface Resolved { fileName: string; mimeType: string; file?: string; text?: string }

function resolveSource(core: Core, s: SaveSource): Resolved {
  if (s.kind === 'report') return { fileName: s.name, mimeType: 'application/pdf', file: resolveReportFile(core, s.name) };
  if (s.kind === 'text') return { fileName: s.fileName, mimeType: 'text/plain', text: s.text };
  const item = getOutboxItem(core.db, s.bundleId);
  if (!item || !existsSync(item.path)) throw refusal('not_found', msg('sync.bundleFileGone'));
  return { fileName: basename(item.path), mimeType: 'application/octet-stream', file: item.path };
}

export const dialogHandlers: DialogHandlers = {
  'dialog.save': ({ source }, core): SaveOutcome => {
    const r = resolveSource(core, source);
    const bytes = r.file ? readFileSync(r.file) : Buffer.from(r.text ?? '', 'utf8');
    return { outcome: 'download', fileName: r.fileName, mimeType: r.mimeType, base64: bytes.toString('base64') };
  },
  // No native dialog without a desktop: the page shows its own file picker and drop zone.
  'dialog.open': (): OpenOutcome => ({ outcome: 'browser' }),
};

/** The part of Electron's dialog module used here. */
export interface NativeDialogs {
  showSaveDialog(options: { title: string; defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { title: string; defaultPath?: string; properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>; filters?: Array<{ name: string; extensions: string[] }> }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

// File types by the key that names them in the UI's language (shared/locales/*/core-laptop.ts).
const OPEN_FILTERS: Record<OpenPurpose, { name: string; extensions: string[] }> = {
  bundles: { name: 'picker.type.bundles', extensions: ['fsb'] },
  certificate: { name: 'picker.type.certificate', extensions: ['p12', 'pfx'] },
  enrolment: { name: 'picker.type.enrolment', extensions: ['txt', 'pem', 'pub'] },
};

/** A small file picked to be read (certificate, enrolment code): refused past the cap, never read whole. */
function readSmall(path: string): { name: string; base64: string } {
  const size = statSync(path).size;
  if (size > MAX_OPEN_READ_BYTES) throw refusal('rejected', msg('file.tooLarge', { name: basename(path), size }));
  return { name: basename(path), base64: readFileSync(path).toString('base64') };
}

const FILTERS: Record<SaveSource['kind'], { name: string; extensions: string[] }> = {
  report: { name: 'picker.type.report', extensions: ['pdf'] },
  bundle: { name: 'picker.type.bundle', extensions: ['fsb'] },
  text: { name: 'picker.type.text', extensions: ['txt'] },
};

/** The folder last saved to, kept in the data folder so it outlives a restart. */
function lastFolderFile(core: Core): string {
  return join(core.dataDir, 'last-save-folder.txt');
}

export function desktopDialogHandlers(native: NativeDialogs, fallbackFolder: string): DialogHandlers {
  return {
    'dialog.save': async ({ source, language }, core): Promise<SaveOutcome> => {
      const say = (key: string) => sayIn(language, msg(key));
      const r = resolveSource(core, source);
      const remembered = existsSync(lastFolderFile(core)) ? readFileSync(lastFolderFile(core), 'utf8').trim() : '';
      const start = remembered && existsSync(remembered) ? remembered : fallbackFolder;
      const type = FILTERS[source.kind];
      const picked = await native.showSaveDialog({ title: say('picker.saveAs'), defaultPath: join(start, r.fileName), filters: [{ ...type, name: say(type.name) }] });
      if (picked.canceled || !picked.filePath) return { outcome: 'cancelled' };
      try {
        if (r.file) copyFileSync(r.file, picked.filePath);
        else writeFileSync(picked.filePath, r.text ?? '', 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'ENOSPC' ? 'save.diskFull' : code === 'EACCES' || code === 'EPERM' ? 'save.notWritable' : code === 'EROFS' ? 'save.readOnly' : 'save.notWritten';
        throw refusal('storage', msg('save.notSaved', { path: picked.filePath, why: msg(why) }));
      }
      writeFileSync(lastFolderFile(core), dirname(picked.filePath), 'utf8');
      return { outcome: 'saved', path: picked.filePath };
    },
    // Open…: bundles come back as paths (HQ imports them where they are, a USB stick say);
    // a certificate or an enrolment code as its bytes. Linux and Windows cannot pick files
    // and folders in one dialog, so the person asks for one or the other.
    'dialog.open': async ({ purpose, pick, language }): Promise<OpenOutcome> => {
      const say = (key: string) => sayIn(language, msg(key));
      const folder = purpose === 'bundles' && pick === 'folder';
      const type = OPEN_FILTERS[purpose];
      const picked = await native.showOpenDialog({
        title: say(folder ? 'picker.bundleFolder' : 'picker.open'),
        defaultPath: fallbackFolder,
        properties: folder ? ['openDirectory'] : purpose === 'bundles' ? ['openFile', 'multiSelections'] : ['openFile'],
        ...(folder ? {} : { filters: [{ ...type, name: say(type.name) }] }),
      });
      if (picked.canceled || !picked.filePaths.length) return { outcome: 'cancelled' };
      if (purpose === 'bundles') return { outcome: 'picked', paths: picked.filePaths };
      return { outcome: 'read', files: picked.filePaths.slice(0, 1).map(readSmall) };
    },
  };
}
