// `npm run dist`: electron-builder, then the Node build of better-sqlite3
// put back. electron-builder's npmRebuild rebuilds node_modules/better-sqlite3
// in place for Electron, which would leave `npm test` (plain Node) unable to
// load it; the Node build is saved first and restored whatever happens.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build');
const saved = join(mkdtempSync(join(tmpdir(), 'fairsite-dist-')), 'build');

if (existsSync(nodeBuild)) cpSync(nodeBuild, saved, { recursive: true });
let status = 1;
try {
  const bin = join(root, 'node_modules', 'electron-builder', 'cli.js');
  status = spawnSync(process.execPath, [bin, '--config', 'electron-builder.yml', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }).status ?? 1;
} finally {
  if (existsSync(saved)) {
    rmSync(nodeBuild, { recursive: true, force: true });
    cpSync(saved, nodeBuild, { recursive: true });
    rmSync(dirname(saved), { recursive: true, force: true });
    console.log('Restored the Node build of better-sqlite3 for `npm test`.');
  }
}
process.exit(status);
