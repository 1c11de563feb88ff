// Uploads against a real nginx WebDAV server on 127.0.0.1: success, wrong
// credentials, the server killed mid-upload, a body too large, a stalled
// server, and an S3-style presigned PUT.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNginx, type Nginx } from './nginx';
import { SyncScheduler } from '../../../electron/core/sync/scheduler';
import { addPhotos, editableAuditId, makeLaptop, type Laptop } from '../bundle/laptop';
import { exportBundle } from '../../../electron/core/bundle/export';
import { saveEndpoint, loadEndpoint, type Endpoint } from '../../../electron/core/sync/endpoint';
import { sendOutbox } from '../../../electron/core/sync/outbox';
import { getOutboxItem, listOutbox, setUploadState } from '../../../electron/core/sync/outbox-store';
import { uploadWithRetry, objectName } from '../../../electron/core/sync/uploader';
import { UploadError } from '../../../electron/core/sync/http';

const USER = 'hq-upload';
const PASSWORD = 'correct horse battery staple';
let root: string;
let nginx: Nginx;
let laptop: Laptop;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-upload-'));
  nginx = await startNginx(join(root, 'nginx'), { user: USER, password: PASSWORD, maxBodyMb: 64 });
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
});
afterAll(async () => {
  await nginx.kill();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const inbox = () => readdirSync(nginx.davDir);
const webdav = (password = PASSWORD): Endpoint => ({ kind: 'webdav', url: nginx.url, auth: 'basic', username: USER, secret: password });

describe('outbox against nginx WebDAV', () => {
  test('success: uploaded under its content hash, acknowledged; a retry finds it and writes nothing new', async () => {
    saveEndpoint(laptop.core, { kind: 'webdav', url: nginx.url, auth: 'basic', username: USER, secret: PASSWORD });
    const raw = (laptop.core.db.prepare("SELECT value FROM settings WHERE key = 'sync.endpoint'").get() as { value: string }).value;
    expect(raw).not.toContain(PASSWORD);
    expect(loadEndpoint(laptop.core)!.secret).toBe(PASSWORD);

    const b = await exportBundle(laptop.core);
    const summary = await sendOutbox(laptop.core, { baseDelayMs: 50 });
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    const item = getOutboxItem(laptop.core.db, b.bundleId)!;
    expect(item).toMatchObject({ state: 'sent', progress: 1, error: null });
    expect(item.ackedAt).not.toBeNull();
    expect(inbox()).toEqual([objectName(b.contentHash)]);
    expect(sha(readFileSync(join(nginx.davDir, objectName(b.contentHash))))).toBe(b.contentHash);

    // The acknowledgement was lost: the bundle goes again, HEAD finds it, nothing is duplicated.
    setUploadState(laptop.core.db, b.bundleId, { state: 'pending', progress: 0 });
    const again = await sendOutbox(laptop.core, { baseDelayMs: 50 });
    expect(again).toMatchObject({ sent: 0, alreadyThere: 1 });
    expect(inbox()).toEqual([objectName(b.contentHash)]);
  });

  test('401: wrong credentials fail at once with the reason, and the password appears nowhere', async () => {
    const b = await exportBundle(laptop.core, { full: true });
    const summary = await sendOutbox(laptop.core, { endpoint: webdav('wrong password'), baseDelayMs: 50 });
    expect(summary.failed).toBe(1);
    const item = getOutboxItem(laptop.core.db, b.bundleId)!;
    expect(item.state).toBe('failed');
    expect(item.error).toMatch(/refused the credentials \(HTTP 401\)/);
    expect(item.attempts).toBe(1);
    expect(item.nextAttemptAt).toBeNull();
    expect(JSON.stringify(listOutbox(laptop.core.db))).not.toContain('wrong password');
    expect(inbox()).not.toContain(objectName(b.contentHash));
    // With the right credentials ("Send now"), it goes.
    expect(await sendOutbox(laptop.core, { now: true, baseDelayMs: 50 })).toMatchObject({ sent: 1 });
  });

  test('413: a bundle over the server limit fails with a clear error, not retried', async () => {
    const small = await startNginx(join(root, 'nginx-small'), { user: USER, password: PASSWORD, maxBodyMb: 1 });
    try {
      await addPhotos(laptop.core, editableAuditId(laptop.core), 1, 1600, 1200);
      const b = await exportBundle(laptop.core, { full: true });
      expect(b.size).toBeGreaterThan(1024 * 1024);
      await sendOutbox(laptop.core, { endpoint: { ...webdav(), url: small.url }, baseDelayMs: 50 });
      const item = getOutboxItem(laptop.core.db, b.bundleId)!;
      expect(item.state).toBe('failed');
      expect(item.error).toMatch(/too large \(HTTP 413/);
      expect(item.attempts).toBe(1);
      expect(readdirSync(small.davDir)).toEqual([]);
    } finally {
      await small.kill();
    }
  });
});

describe('back online', () => {
  test('the scheduler uploads by itself once HQ answers, and not before', async () => {
    const offline = await freePort();
    saveEndpoint(laptop.core, { kind: 'webdav', url: `http://127.0.0.1:${offline}/hq/inbox/`, auth: 'basic', username: USER, secret: PASSWORD });
    const b = await exportBundle(laptop.core, { full: true });
    const scheduler = new SyncScheduler(laptop.core, { send: { baseDelayMs: 50 } });
    expect(await scheduler.tick()).toBeNull();
    expect(scheduler.lastCheck?.online).toBe(false);
    expect(getOutboxItem(laptop.core.db, b.bundleId)!.state).toBe('pending');
    saveEndpoint(laptop.core, { kind: 'webdav', url: nginx.url, auth: 'basic', username: USER, secret: PASSWORD });
    const summary = await scheduler.tick();
    expect(scheduler.lastCheck?.online).toBe(true);
    expect(summary?.sent).toBeGreaterThanOrEqual(1);
    expect(getOutboxItem(laptop.core.db, b.bundleId)!.state).toBe('sent');
    expect(inbox()).toContain(objectName(b.contentHash));
    expect(await scheduler.tick()).toBeNull();
  });
});

describe('uploader resilience', () => {
  test('server killed mid-upload and restarted: completes exactly once', async () => {
    const file = join(root, 'big.fsb');
    const data = randomBytes(48 * 1024 * 1024);
    writeFileSync(file, data);
    const target = { file, contentHash: sha(data), size: data.length };
    let killed = false;
    const failures: string[] = [];
    const out = await uploadWithRetry(webdav(), target, {
      baseDelayMs: 300,
      onProgress: (sent) => {
        if (!killed && sent > 8 * 1024 * 1024) {
          killed = true;
          void nginx.kill('SIGKILL').then(() => nginx.restart());
        }
      },
      onAttemptFailed: (e) => failures.push(e.message),
    });
    expect(killed).toBe(true);
    expect(out.result).toBe('uploaded');
    expect(out.attempts).toBeGreaterThanOrEqual(2);
    expect(failures[0]).toMatch(/closed the connection|refused the connection|stopped answering/);
    const stored = inbox().filter((n) => n.includes(target.contentHash));
    expect(stored).toEqual([objectName(target.contentHash)]);
    expect(sha(readFileSync(join(nginx.davDir, stored[0]!)))).toBe(target.contentHash);
  });

  test('a stalled server times out, and the retry goes through', async () => {
    let connections = 0;
    const stall = net.createServer((sock) => {
      // The first connection is accepted and never answered; later ones reach nginx.
      if (connections++ === 0) return;
      const up = net.connect(nginx.port, '127.0.0.1');
      sock.pipe(up).pipe(sock);
      up.on('error', () => sock.destroy());
      sock.on('error', () => up.destroy());
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
    const port = (stall.address() as net.AddressInfo).port;
    const data = randomBytes(200_000);
    const file = join(root, 'stall.fsb');
    writeFileSync(file, data);
    const failures: UploadError[] = [];
    const started = Date.now();
    try {
      const out = await uploadWithRetry({ ...webdav(), url: `http://127.0.0.1:${port}/hq/inbox/` }, { file, contentHash: sha(data), size: data.length }, {
        idleTimeoutMs: 1000, baseDelayMs: 100, onAttemptFailed: (e) => failures.push(e),
      });
      expect(out).toMatchObject({ result: 'uploaded', attempts: 2 });
      expect(failures[0]!.message).toMatch(/stopped answering \(no response for 1 s\)/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(inbox()).toContain(objectName(sha(data)));
    } finally {
      stall.close();
    }
  });

  test('S3-style presigned PUT: HQ hands out the URL, the object lands under the content hash', async () => {
    const signature = 'X-Amz-Signature=' + randomBytes(16).toString('hex');
    const presigner = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => {
        if (req.headers.authorization !== 'Bearer hq-token') { res.writeHead(401).end(); return; }
        const { name } = JSON.parse(body) as { name: string };
        const u = `http://127.0.0.1:${nginx.port}/s3/${name}?${signature}`;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ putUrl: u, headUrl: u }));
      });
    });
    await new Promise<void>((r) => presigner.listen(0, '127.0.0.1', () => r()));
    const data = randomBytes(300_000);
    const file = join(root, 'presigned.fsb');
    writeFileSync(file, data);
    const endpoint: Endpoint = { kind: 'presigned', url: `http://127.0.0.1:${(presigner.address() as net.AddressInfo).port}/presign`, auth: 'bearer', username: '', secret: 'hq-token' };
    try {
      const out = await uploadWithRetry(endpoint, { file, contentHash: sha(data), size: data.length });
      expect(out.result).toBe('uploaded');
      expect(out.location).not.toContain('Signature');
      expect(sha(readFileSync(join(root, 'nginx', 'www', 's3', objectName(sha(data)))))).toBe(sha(data));
      const again = await uploadWithRetry(endpoint, { file, contentHash: sha(data), size: data.length });
      expect(again.result).toBe('already_there');
    } finally {
      presigner.close();
    }
  });
});
