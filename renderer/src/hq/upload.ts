// Bundle files handed over in the page (dropped, or picked where there is no
// native dialog) go to HQ in chunks the transport accepts; HQ answers with
// where each one landed, ready to import.
import type { Client } from '../../../shared/contract/client';
import { RECEIVE_CHUNK_BYTES } from '../../../shared/domain/hq-inbox';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A plain file name for HQ's received folder (a dropped folder's files carry their relative path). */
function plainName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'bundle.fsb';
  return base.replace(/[^\w .()-]/g, '_').slice(0, 200) || 'bundle.fsb';
}

/** One slice of the file (FileReader: every browser engine and jsdom have it). */
function readSlice(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsArrayBuffer(blob);
  });
}

export async function uploadFile(client: Client, file: File, onProgress?: (fraction: number) => void): Promise<string> {
  const uploadId = crypto.randomUUID();
  const fileName = plainName(file.name);
  let offset = 0;
  for (;;) {
    const end = Math.min(offset + RECEIVE_CHUNK_BYTES, file.size);
    const chunk = await readSlice(file.slice(offset, end));
    const last = end >= file.size;
    const r = await client.call('hq.receive', { uploadId, fileName, offset, chunkBase64: toBase64(chunk), last });
    offset = r.received;
    onProgress?.(file.size ? offset / file.size : 1);
    if (last) return r.path!;
  }
}

/** Only bundle files: a dropped folder or a stray file brings more than bundles. */
export function bundleFiles(files: File[]): File[] {
  return files.filter((f) => f.name.toLowerCase().endsWith('.fsb'));
}
