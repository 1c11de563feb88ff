// The web harness's HTTP layer: the built renderer and POST /api/call on
// 127.0.0.1 only, for browser tests and UI work without Electron. Not a
// product surface. Guards: loopback socket, a Host header naming this
// server (DNS rebinding), same-origin JSON calls only (a web page in the
// user's browser cannot post here), a body size cap.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../handlers/dispatch';
import type { Envelope } from '../../shared/errors';
import { SECURITY_HEADERS } from '../shell/security';
import { readStatic } from '../shell/static';

export const HARNESS_HOST = '127.0.0.1';
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A client still sending past the cap is cut off after this much. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

export interface HttpOptions {
  dispatch: Dispatch;
  rendererRoot: string;
  port?: number;
  maxBodyBytes?: number;
  /** Evidence files at /files/<name> (photo thumbnails and report images). */
  files?: (name: string) => Promise<{ status: number; headers: Record<string, string>; body: Buffer }>;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  return addr === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(addr);
}

/** The Host header must name this server, or a rebound DNS name could reach it. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `${HARNESS_HOST}:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-origin and on POST requests; it must be ours. */
export function isSameOrigin(headers: IncomingMessage['headers'], port: number): boolean {
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${HARNESS_HOST}:${port}` && origin !== `http://localhost:${port}`) return false;
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendEnvelope(res: ServerResponse, status: number, env: Envelope<unknown>, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(env), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
}

const failure = (code: 'invalid_input' | 'rejected' | 'internal', message: string): Envelope<unknown> => ({ ok: false, error: { code, message } });

type Body = { ok: true; text: string } | { ok: false; tooLarge: true };

function readBody(req: IncomingMessage, max: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > max;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over || size > max) {
        over = true;
        chunks.length = 0;
        if (size > MAX_DRAIN_BYTES) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

async function handleCall(req: IncomingMessage, res: ServerResponse, opts: HttpOptions): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return sendEnvelope(res, 415, failure('invalid_input', 'Calls must be sent as application/json.'));
  }
  const max = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const body = await readBody(req, max);
  if (!body.ok) {
    return sendEnvelope(res, 413, failure('invalid_input', `The request is larger than ${Math.round(max / 1024 / 1024)} MB.`), { Connection: 'close' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return sendEnvelope(res, 400, failure('invalid_input', 'The request body is not valid JSON.'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return sendEnvelope(res, 400, failure('invalid_input', 'The request body must be an object {op, input}.'));
  }
  const { op, input } = parsed as { op?: unknown; input?: unknown };
  sendEnvelope(res, 200, await opts.dispatch(op, input));
}

async function route(req: IncomingMessage, res: ServerResponse, opts: HttpOptions, port: number): Promise<void> {
  if (!isLoopbackAddress(req.socket.remoteAddress) || !isAllowedHost(req.headers.host, port)) {
    req.resume();
    return send(res, 403, 'Forbidden: the harness answers only http://127.0.0.1 and http://localhost.', { 'Content-Type': 'text/plain; charset=utf-8' });
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${HARNESS_HOST}:${port}`);
  } catch {
    return send(res, 400, 'Bad request', { 'Content-Type': 'text/plain; charset=utf-8' });
  }
  if (url.pathname === '/api/call') {
    if (req.method !== 'POST') {
      req.resume();
      return sendEnvelope(res, 405, failure('invalid_input', 'Use POST for /api/call.'), { Allow: 'POST' });
    }
    if (!isSameOrigin(req.headers, port)) {
      req.resume();
      return sendEnvelope(res, 403, failure('rejected', 'Calls are accepted only from the harness page itself.'));
    }
    return handleCall(req, res, opts);
  }
  req.resume();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'Method not allowed', { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
  }
  const file = url.pathname.startsWith('/files/') && opts.files
    ? await opts.files(url.pathname.slice('/files/'.length))
    : await readStatic(opts.rendererRoot, url.pathname);
  res.writeHead(file.status, { ...file.headers, 'Content-Length': String(file.body.length) });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

export function startHttp(opts: HttpOptions): Promise<RunningServer> {
  let port = 0;
  const server = createServer((req, res) => {
    route(req, res, opts, port).catch(() => {
      if (!res.headersSent) sendEnvelope(res, 500, failure('internal', 'The harness failed to answer.'));
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HARNESS_HOST, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${HARNESS_HOST}:${port}/`,
        port,
        server,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
