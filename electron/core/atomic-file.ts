// Small files that must never be found half-written (sealed keys,
// certificates, reports): written to a temporary name beside the target,
// flushed, renamed over it, and the folder flushed so the rename survives a
// power cut. Large and many-file writes use evidence/atomic.ts.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileAtomicSync(file: string, data: Uint8Array | string, mode = 0o600): void {
  const tmp = `${file}.tmp`;
  try {
    const fd = openSync(tmp, 'w', mode);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  // Windows cannot open a folder to flush it; NTFS journals the rename.
  if (process.platform !== 'win32') fsyncPath(dirname(file), 'r');
}
