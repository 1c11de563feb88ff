// Photos over the web harness: sent in chunks through POST /api/call (the
// same way the renderer does), thumbnails back through GET /files/….
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../electron/harness/server';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { fixtureJson } from '../core/helpers/template-fixture';
import { SITE_INPUT, tempDir } from '../core/helpers/core-fixture';
import { makeJpeg, sha256 } from './helpers';

let h: Harness;
let dir: string;
beforeEach(async () => {
  dir = tempDir();
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  h = await createHarness({ dataDir: join(dir, 'data'), secretBox: passphraseBox('pass phrase for tests'), rendererRoot: join(dir, 'renderer') });
});
afterEach(async () => h.close());

async function call(op: string, input: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(`${h.url}api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: h.url.slice(0, -1) }, body: JSON.stringify({ op, input }) });
  const env = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!env.ok) throw new Error(env.error!.message);
  return env.value;
}

it('takes a 3 MB photo in chunks and serves its thumbnail, not its original', async () => {
  const template = await call('templates.import', { json: fixtureJson() });
  const site = await call('sites.create', SITE_INPUT);
  const audit = await call('audits.create', { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' });
  const bytes = await makeJpeg(3200, 2400, { seed: 5 });
  expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
  const { uploadId, chunkBytes } = await call('evidence.upload.start', { auditId: audit.id, name: 'big.jpg', size: bytes.length });
  for (let off = 0; off < bytes.length; off += chunkBytes) {
    await call('evidence.upload.chunk', { uploadId, offset: off, data: bytes.subarray(off, off + chunkBytes).toString('base64') });
  }
  const { photo } = await call('evidence.upload.finish', { uploadId, target: { kind: 'audit' } });
  expect(photo.sha256).toBe(sha256(bytes));

  const thumb = await fetch(`${h.url}files/thumb/${photo.sha256}.jpg`);
  expect(thumb.status).toBe(200);
  expect(thumb.headers.get('content-type')).toBe('image/jpeg');
  expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
  expect((await fetch(`${h.url}files/report/${photo.sha256}.jpg`)).status).toBe(200);
  expect((await fetch(`${h.url}files/original/${photo.sha256}.jpg`)).status).toBe(404);
  expect((await fetch(`${h.url}files/${photo.sha256.slice(0, 2)}/${photo.sha256}.jpg`)).status).toBe(404);
  expect((await fetch(`${h.url}files/thumb/%2e%2e%2ffairsite.db`)).status).toBe(404);
});
