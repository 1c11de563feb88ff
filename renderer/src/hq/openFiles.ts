// Open…, the same call on every transport: the desktop app shows its native
// dialog (bundle paths, or the bytes of a small file); the web harness
// answers "browser" and the page opens its own file picker.
import type { Client } from '../../../shared/contract/client';
import type { OpenPurpose } from '../../../shared/contract/dialog-ops';
import { initI18n } from '../i18n';
import { coreLanguage } from '../i18n/languages';

export type Opened =
  | { kind: 'paths'; paths: string[] }
  | { kind: 'files'; files: File[] }
  | { kind: 'bytes'; files: Array<{ name: string; bytes: Uint8Array }> }
  | null;

const ACCEPT: Record<OpenPurpose, string> = {
  bundles: '.fsb',
  certificate: '.p12,.pfx,application/x-pkcs12',
  enrolment: '.txt,.pem,.pub,text/plain',
};

/** The page's own picker: resolves with the chosen files, or none when the person cancels. */
export function browserPick(purpose: OpenPurpose, folder: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (folder) input.webkitdirectory = true;
    else input.accept = ACCEPT[purpose];
    input.multiple = purpose === 'bundles';
    input.style.display = 'none';
    const done = (files: File[]) => { input.remove(); resolve(files); };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.append(input);
    input.click();
  });
}

export async function openFiles(client: Client, purpose: OpenPurpose, pick: 'files' | 'folder' = 'files'): Promise<Opened> {
  const r = await client.call('dialog.open', { purpose, pick, language: coreLanguage(initI18n().language) });
  if (r.outcome === 'cancelled') return null;
  if (r.outcome === 'picked') return { kind: 'paths', paths: r.paths };
  if (r.outcome === 'read') return { kind: 'bytes', files: r.files.map((f) => ({ name: f.name, bytes: Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) })) };
  const files = await browserPick(purpose, pick === 'folder');
  return files.length ? { kind: 'files', files } : null;
}

/** The first opened file as text (an enrolment code), or null. */
export async function openedText(o: Opened): Promise<string | null> {
  if (!o) return null;
  if (o.kind === 'files') return o.files[0] ? o.files[0].text() : null;
  if (o.kind === 'bytes') return o.files[0] ? new TextDecoder().decode(o.files[0].bytes) : null;
  return null;
}
