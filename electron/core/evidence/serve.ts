// Photo files for the renderer: "thumb/<sha>.jpg" and "report/<sha>.jpg",
// served at app://files/… in Electron and /files/… by the web harness. Only
// derivatives of photos the database knows are served; originals (with
// their GPS) never are. Content-addressed, so they never change.
import { readFile } from 'node:fs/promises';
import type { Core } from '../core';
import { derivativePath, type Derivative } from './layout';

export interface FileReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const NAME = /^(thumb|report)\/([0-9a-f]{64})\.jpg$/;

const plain = (status: number, text: string): FileReply => ({
  status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }, body: Buffer.from(text),
});

export async function photoFileReply(core: Core, name: string): Promise<FileReply> {
  const m = NAME.exec(name);
  if (!m) return plain(404, 'Not found');
  const [, kind, sha] = m as unknown as [string, Derivative, string];
  if (!core.db.prepare('SELECT 1 FROM photo_files WHERE sha256 = ?').get(sha)) return plain(404, 'Not found');
  try {
    const body = await readFile(derivativePath(core.paths.photos, sha, kind));
    return {
      status: 200,
      headers: { 'Content-Type': 'image/jpeg', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=31536000, immutable' },
      body,
    };
  } catch {
    return plain(404, 'Not found');
  }
}
