// Builds the renderer once, then starts the web harness (real core, real
// SQLite file) on a fresh temporary data folder and a free port.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHarness } from '../../electron/harness/server';
import { passphraseBox } from '../../electron/core/keys/secret-box';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env.FAIRSITE_E2E_NO_BUILD) {
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--configLoader', 'runner', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  // Screenshots are this run's only: one left from a renamed step would mislead.
  rmSync(join(root, 'test/e2e/output/screens'), { recursive: true, force: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'fairsite-e2e-'));
  const harness = await createHarness({ dataDir, port: 0, secretBox: passphraseBox('e2e-passphrase') });
  process.env.FAIRSITE_E2E_URL = harness.url;
  process.env.FAIRSITE_E2E_DATA = dataDir;
  return async () => {
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
