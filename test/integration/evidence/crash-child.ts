// Run by crash.test.ts as a separate process that dies (SIGKILL, no
// clean-up of any kind) at a chosen point of adding a photo.
//   node --import tsx crash-child.ts DATA_DIR AUDIT_ID FILE after-files|mid-receive
import { readFileSync } from 'node:fs';
import { openCore } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { addPhotoFromFile, addReceivedPhoto } from '../../../electron/core/evidence/ingest';
import { receiveStream } from '../../../electron/core/evidence/receive';
import { PASSPHRASE } from '../core/helpers/core-fixture';

const [dataDir, auditId, file, mode] = process.argv.slice(2) as [string, string, string, string];
const core = await openCore({ dataDir, secretBox: passphraseBox(PASSPHRASE), assetsDir: '/nonexistent' });
const die = () => process.kill(process.pid, 'SIGKILL');
const input = { auditId, target: { kind: 'audit' as const }, caption: 'crash', originalName: 'crash.jpg' };

if (mode === 'after-files') {
  await addPhotoFromFile(core, file, input, { afterFiles: () => { die(); return new Promise<void>(() => undefined); } });
} else {
  const bytes = readFileSync(file);
  async function* halfThenDie() {
    yield bytes.subarray(0, bytes.length >> 1);
    await new Promise((r) => setTimeout(r, 50));
    die();
    await new Promise(() => undefined);
  }
  await addReceivedPhoto(core, await receiveStream(core.paths.photos, halfThenDie(), 1e9), input);
}
console.log('the process should have been killed before this line');
process.exit(3);
