// dialog.open, the desktop way, with a stand-in for Electron's dialog module
// (the shell passes the real one): bundle files or a folder come back as
// paths; a certificate or an enrolment code as its bytes, refused past the
// size cap; a cancelled dialog is "cancelled". Without a desktop (the web
// harness) the answer is "browser": the page opens its own picker.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desktopDialogHandlers, dialogHandlers, type NativeDialogs } from '../../../electron/handlers/dialog-handlers';
import type { Core } from '../../../electron/core/core';
import { MAX_OPEN_READ_BYTES } from '../../../shared/contract/dialog-ops';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'fs-open-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type OpenOptions = Parameters<NativeDialogs['showOpenDialog']>[0];

function native(answer: { canceled: boolean; filePaths: string[] }, seen: OpenOptions[]): NativeDialogs {
  return {
    showSaveDialog: async () => ({ canceled: true }),
    showOpenDialog: async (o) => { seen.push(o); return answer; },
  };
}
const core = {} as Core;

describe('dialog.open', () => {
  test('bundles: several files, or one folder, come back as paths', async () => {
    const seen: OpenOptions[] = [];
    const files = desktopDialogHandlers(native({ canceled: false, filePaths: ['/media/usb/a.fsb', '/media/usb/b.fsb'] }, seen), '/home/me');
    expect(await files['dialog.open']({ purpose: 'bundles', pick: 'files' }, core)).toEqual({ outcome: 'picked', paths: ['/media/usb/a.fsb', '/media/usb/b.fsb'] });
    expect(seen[0]!.properties).toEqual(['openFile', 'multiSelections']);
    expect(seen[0]!.filters).toEqual([{ name: 'Fairsite bundles', extensions: ['fsb'] }]);
    await files['dialog.open']({ purpose: 'bundles', pick: 'folder' }, core);
    expect(seen[1]!.properties).toEqual(['openDirectory']);
    expect(seen[1]!.filters).toBeUndefined();
  });

  test('a certificate comes back as its bytes; one past the cap is refused; cancel is cancelled', async () => {
    const p12 = join(dir, 'ana.p12');
    writeFileSync(p12, Buffer.from([0x30, 0x82, 1, 2, 3]));
    const seen: OpenOptions[] = [];
    const h = desktopDialogHandlers(native({ canceled: false, filePaths: [p12] }, seen), dir);
    expect(await h['dialog.open']({ purpose: 'certificate', pick: 'files' }, core)).toEqual({ outcome: 'read', files: [{ name: 'ana.p12', base64: Buffer.from([0x30, 0x82, 1, 2, 3]).toString('base64') }] });
    expect(seen[0]!.properties).toEqual(['openFile']);
    const big = join(dir, 'big.p12');
    writeFileSync(big, Buffer.alloc(MAX_OPEN_READ_BYTES + 1));
    await expect(desktopDialogHandlers(native({ canceled: false, filePaths: [big] }, []), dir)['dialog.open']({ purpose: 'certificate', pick: 'files' }, core)).rejects.toThrow(/too large/);
    expect(await desktopDialogHandlers(native({ canceled: true, filePaths: [] }, []), dir)['dialog.open']({ purpose: 'enrolment', pick: 'files' }, core)).toEqual({ outcome: 'cancelled' });
  });

  test("the native dialog's title and file types are in the UI's language; English when none is given", async () => {
    const seen: OpenOptions[] = [];
    const h = desktopDialogHandlers(native({ canceled: true, filePaths: [] }, seen), dir);
    await h['dialog.open']({ purpose: 'enrolment', pick: 'files' }, core);
    await h['dialog.open']({ purpose: 'enrolment', pick: 'files', language: 'es' }, core);
    await h['dialog.open']({ purpose: 'bundles', pick: 'folder', language: 'es' }, core);
    await h['dialog.open']({ purpose: 'certificate', pick: 'files', language: 'fr' }, core);
    expect(seen.map((o) => [o.title, o.filters?.[0]?.name])).toEqual([
      ['Open', 'Enrolment code'], ['Abrir', 'Código de alta'], ['Elija una carpeta de paquetes', undefined], ['Ouvrir', 'Certificat (PKCS #12)'],
    ]);
    expect(seen[1]!.filters![0]!.extensions).toEqual(['txt', 'pem', 'pub']);
  });

  test('without a desktop the page picks the files itself', async () => {
    expect(await dialogHandlers['dialog.open']({ purpose: 'bundles', pick: 'folder' }, core)).toEqual({ outcome: 'browser' });
  });
});
