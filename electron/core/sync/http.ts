// One HTTP request with an idle timeout, a body streamed from disk, and
// messages that never contain credentials (URLs are shown without their
// user part or query, which is where presigned signatures live).
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';

export class UploadError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly status?: number) {
    super(message);
    this.name = 'UploadError';
  }
}

export function redactUrl(u: string | URL): string {
  try {
    const x = new URL(String(u));
    return `${x.protocol}//${x.host}${x.pathname}`;
  } catch {
    return '(invalid address)';
  }
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method: string;
  headers?: Record<string, string>;
  body?: Readable;
  bodyLength?: number;
  /** No bytes moving for this long ends the request. */
  idleTimeoutMs: number;
  signal?: AbortSignal;
}

export function httpRequest(url: URL, o: RequestOptions): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
    if (!mod) {
      reject(new UploadError(`Unsupported address ${redactUrl(url)}: use http or https.`, false));
      return;
    }
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.bodyLength !== undefined) headers['content-length'] = String(o.bodyLength);
    const req = mod.request(url, { method: o.method, headers, agent: false, signal: o.signal });
    let settled = false;
    const fail = (e: UploadError) => {
      if (settled) return;
      settled = true;
      o.body?.destroy();
      req.destroy();
      reject(e);
    };
    req.setTimeout(o.idleTimeoutMs, () => fail(new UploadError(`The server at ${redactUrl(url)} stopped answering (no response for ${Math.round(o.idleTimeoutMs / 1000)} s).`, true)));
    req.on('error', (e: NodeJS.ErrnoException) => {
      const what = e.code === 'ECONNREFUSED' ? 'refused the connection' : e.code === 'ECONNRESET' || e.code === 'EPIPE' ? 'closed the connection' : e.name === 'AbortError' ? 'request was cancelled' : `could not be reached (${e.code ?? e.message})`;
      fail(new UploadError(`The server at ${redactUrl(url)} ${what}.`, e.name !== 'AbortError'));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let n = 0;
      res.on('data', (c: Buffer) => {
        if (n < 4096) chunks.push(c);
        n += c.length;
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        o.body?.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8').slice(0, 4096) });
      });
      res.on('error', () => fail(new UploadError(`The connection to ${redactUrl(url)} broke while reading the answer.`, true)));
    });
    if (o.body) {
      o.body.on('error', () => fail(new UploadError('The bundle file could not be read while sending it.', false)));
      o.body.pipe(req);
    } else {
      req.end();
    }
  });
}
