// A separate process that imports one bundle into an HQ folder, so a test
// can SIGKILL it in the middle. argv: HQ_DIR FILE.
import { openHq } from '../../../../electron/core/hq/context';
import { importBundleFile } from '../../../../electron/core/hq/import';
import { passphraseBox } from '../../../../electron/core/keys/secret-box';

const [dir, file] = process.argv.slice(2) as [string, string];
const hq = await openHq(dir, passphraseBox('hq-test-passphrase'));
process.stdout.write('open\n');
const r = await importBundleFile(hq, file);
process.stdout.write(`${JSON.stringify(r)}\n`);
hq.close();
