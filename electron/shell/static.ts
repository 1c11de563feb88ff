// Serving the built renderer (dist/renderer) safely. Shared by the app://
// protocol and the web harness, so both answer a path the same way.
// Plain Node: no Electron here.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './security';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path (as in `new URL(u).pathname`, still percent-encoded) to a
 * file under `root`, or null when the path could leave `root` or is not a
 * plain name: encoded slashes and dots, backslashes, NUL, drive letters,
 * hidden files. `/` means index.html.
 */
export function resolveAppPath(root: string, urlPath: string): string | null {
  if (typeof urlPath !== 'string' || urlPath.length > 2048 || !urlPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null;
  if (segments.slice(0, -1).some((s) => s === '')) return null;
  const relative = segments.join('/') || 'index.html';
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

export interface StaticReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function reply(status: number, body: string | Buffer, type: string): StaticReply {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' },
    body: typeof body === 'string' ? Buffer.from(body) : body,
  };
}

/** Reads the file for a URL path; 404 for anything outside root or missing. */
export async function readStatic(root: string, urlPath: string): Promise<StaticReply> {
  const file = resolveAppPath(root, urlPath);
  const notFound = reply(404, 'Not found', 'text/plain; charset=utf-8');
  if (!file) return notFound;
  try {
    // A symlink inside the build folder must not lead out of it. Sync calls:
    // Electron's asar support covers them all, and the files are small.
    const real = realpathSync(file);
    if (!real.startsWith(realpathSync(root) + sep)) return notFound;
    if (!statSync(real).isFile()) return notFound;
    return reply(200, readFileSync(real), contentType(real));
  } catch {
    return notFound;
  }
}
