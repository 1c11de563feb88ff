// Files of an HQ whose database is a real PostgreSQL, fetched as the screens
// fetch them (the app's hq.closureFile and hq.photo operations, through the
// dispatcher): the folder holds no hq.db, so the lookup by hash must read the
// replica the screens read. A closure evidence document comes back as the site
// sent it, a closure picture and an audit photo as thumbnails and full size;
// an unknown hash is "not found".
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { openCore, type Core } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { chooseRole } from '../../../electron/core/install-role';
import { exportBundle } from '../../../electron/core/bundle/export';
import { addClosureEvidence, listTracks } from '../../../electron/core/followup/tracks';
import { hqPaths } from '../../../electron/core/hq/context';
import { addPhotos, editableAuditId, makeLaptop, type Laptop } from '../bundle/laptop';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { enrolInput } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!!skip)('HQ on PostgreSQL serves closure evidence and photos through the screens\' path', () => {
  let root: string;
  let server: PgServer;
  let laptop: Laptop;
  let core: Core;
  let photoSha: string;
  let picture: Buffer;
  const pdf = Buffer.from('%PDF-1.4\n% wage slips sent by the site\n');

  type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
  const call = (op: string, input: unknown): Promise<Reply> => createDispatch(handlers, core)(op, input) as never;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-pgfiles-'));
    server = await startPg();
    laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
    const auditId = (laptop.core.db.prepare("SELECT id FROM audits WHERE status = 'finalized' AND kind = 'full'").get() as { id: string }).id;
    const actionId = listTracks(laptop.core, auditId).find((t) => t.status === 'open')!.actionId;
    picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2e86c1' } }).jpeg().toBuffer();
    for (const [name, mediaType, data] of [['exit.jpg', 'image/jpeg', picture], ['wages.pdf', 'application/pdf', pdf]] as const) {
      addClosureEvidence(laptop.core, { actionId, name, mediaType, data: data.toString('base64'), source: 'site_sent', receivedAt: new Date().toISOString().slice(0, 10), description: name });
    }
    [photoSha] = await addPhotos(laptop.core, editableAuditId(laptop.core), 1) as [string];
    core = await openCore({ dataDir: join(root, 'install'), secretBox: passphraseBox('install-passphrase') });
    chooseRole(core, 'hq');
    const saved = await call('hq.setDatabase', { url: await createDatabase(server, 'files_served'), password: '' });
    expect(saved.ok, saved.error?.message).toBe(true);
    expect((await call('hq.enrol', enrolInput(laptop.core))).ok).toBe(true);
    const out = join(root, 'full.fsb');
    await exportBundle(laptop.core, { out, recipient: null });
    const { jobId } = (await call('hq.importInbox', { paths: [out], source: 'picked' })).value as { jobId: string };
    const job = await core.jobs.wait(jobId);
    expect((job.result as Array<{ status: string; message?: string }>)[0]).toMatchObject({ status: 'imported' });
  }, 180_000);

  afterAll(() => {
    core?.close();
    laptop?.core.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('the HQ folder holds no hq.db: its rows are on the server', () => {
    expect(existsSync(hqPaths(join(root, 'install', 'hq')).database)).toBe(false);
  });

  it('a closure evidence document, as the site sent it', async () => {
    const r = await call('hq.closureFile', { sha256: sha(pdf) });
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.value).toMatchObject({ contentType: 'application/pdf', name: 'wages.pdf', bytes: pdf.length });
    expect(Buffer.from(r.value!.base64 as string, 'base64').equals(pdf)).toBe(true);
  });

  it('a closure picture and an audit photo, as thumbnails and full size', async () => {
    for (const s of [sha(picture), photoSha]) {
      for (const size of ['thumb', 'full'] as const) {
        const r = await call('hq.photo', { sha256: s, size });
        expect(r.ok, `${s} ${size}: ${r.error?.message}`).toBe(true);
        expect(r.value!.contentType).toBe('image/jpeg');
        const meta = await sharp(Buffer.from(r.value!.base64 as string, 'base64')).metadata();
        expect(meta.format).toBe('jpeg');
      }
    }
  });

  it('an unknown hash is not found', async () => {
    expect((await call('hq.closureFile', { sha256: '0'.repeat(64) })).error?.code).toBe('not_found');
    expect((await call('hq.photo', { sha256: '0'.repeat(64), size: 'thumb' })).error?.code).toBe('not_found');
  });
});
