// `npm run dev:web`: serves the built renderer and the handlers on
// http://127.0.0.1:5178 for UI work without Electron.
//   --data DIR  (or FAIRSITE_DATA; default ./.fairsite-dev)
//   --port N    (default 5178; 0 picks a free port)
// FAIRSITE_PASSPHRASE protects the signing key; without it a fixed
// development passphrase is used, with a warning.
import { existsSync } from 'node:fs';
import { passphraseBox } from '../core/keys/secret-box';
import { DEFAULT_RENDERER_ROOT, createHarness, rendererIndex } from './server';
import { DEV_PASSPHRASE, parseServeArgs } from './serve-args';

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2), process.env);
  let passphrase = process.env.FAIRSITE_PASSPHRASE;
  if (!passphrase) {
    passphrase = DEV_PASSPHRASE;
    console.warn('Warning: FAIRSITE_PASSPHRASE is not set; the signing key in this data folder is protected by a fixed development passphrase.');
  }
  if (!existsSync(rendererIndex())) {
    console.warn(`Warning: ${DEFAULT_RENDERER_ROOT} has no index.html; run \`npm run build:renderer\` first.`);
  }
  const harness = await createHarness({ dataDir: args.dataDir, port: args.port, secretBox: passphraseBox(passphrase) });
  console.log(`Fairsite web harness: ${harness.url} (data: ${args.dataDir})`);
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Cannot start the web harness: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
