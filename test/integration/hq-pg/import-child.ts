// One importer process on HQ's PostgreSQL (the concurrency tests run four):
// argv HQ_DIR URL FILE…; prints one JSON line per result, released ones too.
// With FAIRSITE_WAIT_GO=1 it prints "ready" once HQ is open and starts on
// the first line it reads (the bench times imports, not process start-up).
import { openHqFolder } from '../../../electron/core/hq/engine/open';
import { importBundleFile, type ImportResult } from '../../../electron/core/hq/import';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { HQ_PASSPHRASE } from './pg-hq';

const [dir, url, ...files] = process.argv.slice(2) as [string, string, ...string[]];
const hq = await openHqFolder(dir, passphraseBox(HQ_PASSPHRASE), { db: url });
const print = (r: ImportResult, released: boolean): void => {
  process.stdout.write(`${JSON.stringify({ file: r.file, bundleId: r.bundleId, status: r.status, released, message: r.message })}\n`);
  for (const x of r.released ?? []) print(x, true);
};
if (process.env.FAIRSITE_WAIT_GO === '1') {
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.pause();
}
try {
  for (const f of files) print(await importBundleFile(hq, f), false);
} finally {
  await hq.store.close();
}
