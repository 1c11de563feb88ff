// The watched inbox folder on a real folder: a bundle file that appears is
// imported once it has stopped growing, a refused one keeps its reason, a
// restart does not import or log the same file again, and a folder that
// disappears is reported rather than crashing the watcher.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import type { Hq } from '../../../electron/core/hq/context';
import { watchFolder } from '../../../electron/core/hq/inbox/watch';
import { auditorActivity, importIntoInbox, inboxState, receiveChunk, setWatchFolder, stopWatcher } from '../../../electron/core/hq/inbox/service';
import { readReceipts } from '../../../electron/core/hq/inbox/receipts';
import { openHq } from '../../../electron/core/hq/context';
import { passphraseBox } from '../../../electron/core/keys/secret-box';

let root: string;
let laptop: Laptop;
let stranger: Laptop;
let hq: Hq;
let bundle: string;
let unknown: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-inbox-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  stranger = await makeLaptop('Ben Ortiz', 'AUD-002', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  bundle = join(root, 'asha.fsb');
  unknown = join(root, 'ben.fsb');
  await exportBundle(laptop.core, { out: bundle });
  await exportBundle(stranger.core, { out: unknown });
}, 60_000);
afterAll(() => {
  stopWatcher(hq);
  hq.close();
  laptop.core.close();
  stranger.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('watched inbox folder', () => {
  test('a file still being written waits; once stable it is imported, and a refused one keeps its reason', async () => {
    const inbox = join(root, 'webdav');
    mkdirSync(inbox);
    const w = watchFolder(hq, inbox, { intervalMs: 60_000 });
    try {
      await w.scan();
      // Half a file (an upload in progress): seen, not imported.
      const bytes = await import('node:fs').then((fs) => fs.readFileSync(bundle));
      const partial = join(inbox, 'asha.fsb');
      writeFileSync(partial, bytes.subarray(0, 1000));
      await w.scan();
      appendFileSync(partial, bytes.subarray(1000));
      await w.scan(); // grew since the last scan: still waiting
      expect(readReceipts(hq)).toEqual([]);
      copyFileSync(unknown, join(inbox, 'ben.fsb'));
      await w.scan(); // asha is now stable; ben is new
      let receipts = readReceipts(hq);
      expect(receipts.map((r) => [r.file, r.status])).toEqual([['asha.fsb', 'imported']]);
      expect(receipts[0]!.source).toBe('watched');
      await w.scan();
      receipts = readReceipts(hq);
      expect(receipts.map((r) => [r.file, r.status, r.reason])).toEqual([['asha.fsb', 'imported', null], ['ben.fsb', 'rejected', 'unknown_signer']]);
      expect(receipts[1]!.message).toMatch(/not enrolled/);
      const n = (hq.db.prepare("SELECT count(*) AS n FROM bundles WHERE state = 'imported'").get() as { n: number }).n;
      expect(n).toBe(1);
      await w.scan();
      expect(readReceipts(hq)).toHaveLength(2); // nothing imported twice
    } finally {
      w.stop();
    }
    // A restart (a new watcher on the same HQ) remembers the files it already took.
    const again = watchFolder(hq, inbox, { intervalMs: 60_000 });
    try {
      await again.scan();
      await again.scan();
      expect(readReceipts(hq)).toHaveLength(2);
    } finally {
      again.stop();
    }
  });

  test('the inbox shows the receipts, newest first, with the imported bundle; the auditor has it as last bundle', () => {
    const s = inboxState(hq);
    expect(s.receipts.map((r) => r.status)).toEqual(['rejected', 'imported']);
    expect(s.bundles).toHaveLength(1);
    expect(s.bundles[0]!.auditorId).toBe('AUD-001');
    const [asha] = auditorActivity(hq);
    expect(asha!.bundles).toBe(1);
    expect(asha!.lastBundleId).toBe(s.bundles[0]!.bundleId);
    expect(asha!.audits.length).toBe(laptop.auditIds.length);
  });

  test('a folder that goes away is reported and the watcher keeps going', async () => {
    const gone = join(root, 'unmounted');
    mkdirSync(gone);
    const w = watchFolder(hq, gone, { intervalMs: 60_000 });
    try {
      rmSync(gone, { recursive: true });
      await w.scan();
      expect(w.scanError).toMatch(/cannot be read .*ENOENT/);
      mkdirSync(gone);
      await w.scan();
      expect(w.scanError).toBeNull();
    } finally {
      w.stop();
    }
  });

  test('the setting starts the watcher by itself: a file dropped in the folder is imported without a call', async () => {
    const dir = mkdtempSync(join(root, 'hq2-'));
    const hq2 = await openHq(dir, passphraseBox('hq-test-passphrase'));
    try {
      enrolLaptop(hq2, laptop.core);
      const inbox = join(root, 'synced');
      mkdirSync(inbox);
      expect(() => setWatchFolder(hq2, join(root, 'nowhere'))).toThrow(/There is no folder/);
      setWatchFolder(hq2, inbox, { intervalMs: 50 });
      copyFileSync(bundle, join(inbox, 'a.fsb'));
      const deadline = Date.now() + 10_000;
      while (readReceipts(hq2).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(readReceipts(hq2).map((r) => r.status)).toEqual(['imported']);
      expect(inboxState(hq2).watchFolder).toBe(inbox);
    } finally {
      stopWatcher(hq2);
      hq2.close();
    }
  });

  test('a file handed over in chunks lands whole and imports like any other; an out-of-order chunk is refused', async () => {
    const bytes = (await import('node:fs')).readFileSync(bundle);
    const id = '6f1c2a9e-6b7a-4f0e-9a43-0d8f1b9b2c11';
    const mid = Math.floor(bytes.length / 2);
    expect(receiveChunk(hq, { uploadId: id, fileName: 'usb.fsb', offset: 0, chunkBase64: bytes.subarray(0, mid).toString('base64'), last: false }).path).toBeNull();
    expect(() => receiveChunk(hq, { uploadId: id, fileName: 'usb.fsb', offset: 0, chunkBase64: 'AAAA', last: false })).toThrow(/out of order/);
    const r = receiveChunk(hq, { uploadId: id, fileName: 'usb.fsb', offset: mid, chunkBase64: bytes.subarray(mid).toString('base64'), last: true });
    expect(r.received).toBe(bytes.length);
    const results = await importIntoInbox(hq, [r.path!], 'upload');
    expect(results.map((x) => x.status)).toEqual(['already_imported']);
    expect(inboxState(hq).receipts[0]).toMatchObject({ source: 'upload', file: 'usb.fsb', status: 'already_imported' });
    // The handed-over copy is gone once imported; a bundle picked where it lies stays.
    expect(existsSync(r.path!)).toBe(false);
    await importIntoInbox(hq, [bundle], 'picked');
    expect(existsSync(bundle)).toBe(true);
  });
});
