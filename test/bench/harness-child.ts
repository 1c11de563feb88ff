// The web harness for the home-screen bench, in a process of its own as the
// app's core is beside its window (Electron's main process): the bench's own
// work (Playwright, its polling) never shares the event loop that answers the
// page. Prints `URL <url>` once listening and `IDLE` once the background
// integrity check and photo sweep of the open are done; stops on SIGTERM.
//   tsx test/bench/harness-child.ts DATA_DIR PASSPHRASE
import { sweepNow } from '../../electron/core/evidence/sweep-on-open';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { createHarness } from '../../electron/harness/server';

const [dataDir, passphrase] = process.argv.slice(2);
if (!dataDir || !passphrase) throw new Error('usage: harness-child.ts DATA_DIR PASSPHRASE');
const h = await createHarness({ dataDir, port: 0, secretBox: passphraseBox(passphrase) });
console.log(`URL ${h.url}`);
await h.core.integrityCheck;
await sweepNow(h.core);
console.log('IDLE');
process.on('SIGTERM', () => void h.close().then(() => process.exit(0)));
