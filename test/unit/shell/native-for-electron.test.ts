// electron/tools/native-for-electron.mjs against a local stand-in for the
// download hosts (127.0.0.1): offline, a binary for the wrong ABI, and a
// binary that registers Electron's ABI. Electron itself never runs here.
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeBindingFor } from '../../../electron/shell/config';

const repo = resolve(__dirname, '../../..');
const script = join(repo, 'electron/tools/native-for-electron.mjs');
const nodeBuild = join(repo, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const electronVersion = (JSON.parse(readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

let tmp: string;
let server: Server;
let port = 0;
let tarball: Buffer | null = null;
const requested: string[] = [];

function makeTarball(binary: Buffer): Buffer {
  const dir = mkdtempSync(join(tmp, 'tar-'));
  mkdirSync(join(dir, 'build', 'Release'), { recursive: true });
  writeFileSync(join(dir, 'build', 'Release', 'better_sqlite3.node'), binary);
  const out = join(dir, 'prebuilt.tar.gz');
  const r = spawnSync('tar', ['-czf', out, '-C', dir, 'build']);
  if (r.status !== 0) throw new Error(String(r.stderr));
  return readFileSync(out);
}

function makeRoot(): string {
  const root = mkdtempSync(join(tmp, 'root-'));
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(join(repo, 'node_modules/electron'), join(root, 'node_modules/electron'));
  symlinkSync(join(repo, 'node_modules/better-sqlite3'), join(root, 'node_modules/better-sqlite3'));
  return root;
}

function prepare(root: string): Promise<{ code: number; out: string }> {
  const code = `import(${JSON.stringify(script)}).then((m) => m.prepareNative({ root: ${JSON.stringify(root)} })).catch((e) => { console.error(e.message); process.exit(1); });`;
  const env = {
    ...process.env,
    npm_config_better_sqlite3_binary_host: `http://127.0.0.1:${port}`,
    FAIRSITE_ELECTRON_HEADERS_URL: `http://127.0.0.1:${port}/headers`,
    npm_config_cache: join(root, 'npm-cache'),
    npm_config_devdir: join(root, 'gyp'),
  };
  return new Promise((done) => {
    execFile(process.execPath, ['-e', code], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'fairsite-native-'));
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (tarball && req.url?.endsWith('.tar.gz') && req.url.includes('-electron-v')) {
      res.writeHead(200, { 'content-type': 'application/gzip' });
      res.end(tarball);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(tmp, { recursive: true, force: true });
});

describe('native-for-electron', () => {
  it('fails with a clear message when nothing can be downloaded, leaving the Node build alone', async () => {
    const before = sha(nodeBuild);
    tarball = null;
    const root = makeRoot();
    const r = await prepare(root);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Could not prepare better-sqlite3 for Electron/);
    expect(r.out).toMatch(/Connect to the internet/);
    expect(requested.some((u) => u.includes(`better-sqlite3-v12.11.1-electron-v150-${process.platform}`))).toBe(true);
    expect(existsSync(join(root, '.cache/electron-native/better-sqlite3.json'))).toBe(false);
    expect(sha(nodeBuild)).toBe(before);
    expect(() => nativeBindingFor(root, false, electronVersion)).toThrow(/not been prepared/);
  });

  it('refuses a downloaded binary built for another ABI', async () => {
    tarball = makeTarball(readFileSync(nodeBuild));
    const root = makeRoot();
    const r = await prepare(root);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not built for Electron's ABI 150/);
    expect(existsSync(join(root, '.cache/electron-native/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(false);
  });

  it('records a binary that registers the Electron ABI, for the shell to pass as nativeBinding', async () => {
    const before = sha(nodeBuild);
    // A stand-in file carrying the registration symbol: the ABI check reads only that.
    tarball = makeTarball(Buffer.concat([Buffer.from('\x7fELF stand-in '), Buffer.from('node_register_module_v150\0'), Buffer.alloc(64)]));
    const root = makeRoot();
    const first = await prepare(root);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/prebuilt binary/);
    const manifest = JSON.parse(readFileSync(join(root, '.cache/electron-native/better-sqlite3.json'), 'utf8')) as Record<string, string>;
    expect(manifest).toMatchObject({ electron: electronVersion, abi: '150', betterSqlite3: '12.11.1', binding: '.cache/electron-native/better-sqlite3/build/Release/better_sqlite3.node' });
    expect(nativeBindingFor(root, false, electronVersion)).toBe(join(root, manifest.binding!));
    // The copy has the sources a source build needs, not the Node build.
    expect(existsSync(join(root, '.cache/electron-native/better-sqlite3/binding.gyp'))).toBe(true);
    const second = await prepare(root);
    expect(second.out).toMatch(/is ready/);
    expect(sha(nodeBuild)).toBe(before);
  });
});
