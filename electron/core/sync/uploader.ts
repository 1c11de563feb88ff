// Uploading one bundle. The object is named by the bundle's content hash,
// so a retry can only ever write the same bytes to the same name; HEAD
// first means a bundle already there is not sent again. WebDAV uploads go
// to a temporary name and are MOVEd into place, so the final name never
// holds a partial file; a presigned PUT (S3) is atomic by itself.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { authHeaders, type Endpoint } from './endpoint';
import { httpRequest, redactUrl, UploadError, type HttpResult } from './http';
import { formatBytes } from '../../../shared/format-bytes';

export interface UploadTarget {
  file: string;
  contentHash: string;
  size: number;
}

export interface UploadOptions {
  idleTimeoutMs?: number;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

export interface UploadOutcome {
  result: 'uploaded' | 'already_there';
  /** Where it is, without credentials. */
  location: string;
}

export const objectName = (contentHash: string): string => `${contentHash}.fsb`;

function statusError(status: number, what: string, size: number): UploadError {
  if (status === 401 || status === 403) return new UploadError(`HQ refused the credentials (HTTP ${status}) while ${what}. Check the user name and password or token in the sync settings.`, false, status);
  if (status === 413) return new UploadError(`HQ refused the bundle as too large (HTTP 413, ${formatBytes(size)}). Ask HQ to raise its upload limit (nginx: client_max_body_size).`, false, status);
  if (status === 404 || status === 409) return new UploadError(`HQ's upload folder does not exist (HTTP ${status}) while ${what}. Check the address in the sync settings.`, false, status);
  if (status === 507) return new UploadError('HQ has no space left for the bundle (HTTP 507).', true, status);
  return new UploadError(`HQ answered HTTP ${status} while ${what}.`, status >= 500 || status === 408 || status === 429, status);
}

async function head(url: URL, headers: Record<string, string>, o: UploadOptions, size: number): Promise<'present' | 'absent' | 'different'> {
  const r = await httpRequest(url, { method: 'HEAD', headers, idleTimeoutMs: o.idleTimeoutMs ?? 30_000, signal: o.signal });
  if (r.status === 404) return 'absent';
  if (r.status === 200) return Number(r.headers['content-length']) === size ? 'present' : 'different';
  throw statusError(r.status, 'checking whether HQ already has the bundle', size);
}

async function put(url: URL, headers: Record<string, string>, t: UploadTarget, o: UploadOptions): Promise<HttpResult> {
  let sent = 0;
  const body = createReadStream(t.file, { highWaterMark: 256 * 1024 });
  body.on('data', (c) => {
    sent += c.length;
    o.onProgress?.(sent, t.size);
  });
  return httpRequest(url, {
    method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body, bodyLength: t.size,
    idleTimeoutMs: o.idleTimeoutMs ?? 30_000, signal: o.signal,
  });
}

async function uploadWebdav(e: Endpoint, t: UploadTarget, o: UploadOptions): Promise<UploadOutcome> {
  const auth = authHeaders(e);
  const finalUrl = new URL(objectName(t.contentHash), e.url);
  const there = await head(finalUrl, auth, o, t.size);
  if (there === 'present') return { result: 'already_there', location: redactUrl(finalUrl) };
  const tmpUrl = new URL(`.${objectName(t.contentHash)}.part-${randomBytes(6).toString('hex')}`, e.url);
  try {
    const r = await put(tmpUrl, auth, t, o);
    if (r.status !== 201 && r.status !== 204 && r.status !== 200) throw statusError(r.status, 'sending the bundle', t.size);
    const mv = await httpRequest(tmpUrl, {
      method: 'MOVE', headers: { ...auth, destination: finalUrl.href, overwrite: 'T' }, idleTimeoutMs: o.idleTimeoutMs ?? 30_000, signal: o.signal,
    });
    if (mv.status !== 201 && mv.status !== 204) throw statusError(mv.status, 'moving the bundle into place', t.size);
  } catch (err) {
    // Servers that keep partial uploads would collect temporary files; ask for removal, ignore the answer.
    httpRequest(tmpUrl, { method: 'DELETE', headers: auth, idleTimeoutMs: 5000 }).catch(() => undefined);
    throw err;
  }
  if ((await head(finalUrl, auth, o, t.size)) !== 'present') throw new UploadError('HQ does not show the bundle with its full size after the upload; it will be sent again.', true);
  return { result: 'uploaded', location: redactUrl(finalUrl) };
}

interface Presigned { putUrl: string; headUrl?: string }

async function uploadPresigned(e: Endpoint, t: UploadTarget, o: UploadOptions): Promise<UploadOutcome> {
  const question = Buffer.from(JSON.stringify({ name: objectName(t.contentHash), size: t.size, sha256: t.contentHash }), 'utf8');
  const ask = await httpRequest(new URL(e.url), {
    method: 'POST', headers: { ...authHeaders(e), 'content-type': 'application/json' },
    body: Readable.from([question]), bodyLength: question.length,
    idleTimeoutMs: o.idleTimeoutMs ?? 30_000, signal: o.signal,
  });
  if (ask.status !== 200) throw statusError(ask.status, 'asking HQ for an upload address', t.size);
  let p: Presigned;
  try {
    p = JSON.parse(ask.body) as Presigned;
    new URL(p.putUrl);
  } catch {
    throw new UploadError('HQ did not answer with an upload address.', true);
  }
  if (p.headUrl && (await head(new URL(p.headUrl), {}, o, t.size)) === 'present') return { result: 'already_there', location: redactUrl(p.putUrl) };
  const r = await put(new URL(p.putUrl), {}, t, o);
  if (r.status !== 200 && r.status !== 201 && r.status !== 204) throw statusError(r.status, 'sending the bundle', t.size);
  return { result: 'uploaded', location: redactUrl(p.putUrl) };
}

export function uploadOnce(e: Endpoint, t: UploadTarget, o: UploadOptions = {}): Promise<UploadOutcome> {
  return e.kind === 'webdav' ? uploadWebdav(e, t, o) : uploadPresigned(e, t, o);
}

export interface RetryOptions extends UploadOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  onAttemptFailed?: (err: UploadError, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

export const backoffMs = (attempt: number, base: number, max: number): number =>
  Math.min(max, base * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);

/** Retries what can succeed later (network, timeouts, 5xx); stops at once on what cannot (401, 413). */
export async function uploadWithRetry(e: Endpoint, t: UploadTarget, o: RetryOptions = {}): Promise<UploadOutcome & { attempts: number }> {
  const attempts = o.attempts ?? 5;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 1; ; i++) {
    try {
      return { ...(await uploadOnce(e, t, o)), attempts: i };
    } catch (err) {
      const ue = err instanceof UploadError ? err : new UploadError(`Upload failed: ${err instanceof Error ? err.message : String(err)}`, true);
      if (!ue.retryable || i >= attempts || o.signal?.aborted) throw ue;
      const delay = backoffMs(i, o.baseDelayMs ?? 2000, o.maxDelayMs ?? 120_000);
      o.onAttemptFailed?.(ue, i, delay);
      await sleep(delay);
    }
  }
}
