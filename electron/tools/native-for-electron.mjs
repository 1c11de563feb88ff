// Prepares better-sqlite3 for Electron's ABI beside the Node build, never
// in place: node_modules/better-sqlite3 keeps the binary `npm test` loads
// under Node, and Electron gets its own under .cache/electron-native,
// whose path the shell passes to better-sqlite3 as `nativeBinding`.
//
//   1. copy the package to .cache/electron-native/better-sqlite3 (without its build/)
//   2. prebuild-install --runtime electron --target <installed electron> (a published binary)
//   3. else node-gyp rebuild against Electron's headers (needs a C++ toolchain)
//   4. check the binary exports node_register_module_v<Electron ABI>, write the manifest
//
// Needs internet the first time; run again after upgrading Electron or better-sqlite3.
// Mirrors: npm_config_better_sqlite3_binary_host (prebuilt binaries),
// FAIRSITE_ELECTRON_HEADERS_URL (default https://electronjs.org/headers).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

export function installedVersions(root = ROOT) {
  const electronDir = join(root, 'node_modules', 'electron');
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(electronDir, 'package.json'))) throw new Error('Electron is not installed: run `npm install` first.');
  if (!existsSync(join(sqliteDir, 'package.json'))) throw new Error('better-sqlite3 is not installed: run `npm install` first.');
  return {
    electron: readJson(join(electronDir, 'package.json')).version,
    abi: readFileSync(join(electronDir, 'abi_version'), 'utf8').trim(),
    betterSqlite3: readJson(join(sqliteDir, 'package.json')).version,
    sqliteDir,
  };
}

/** The native module must register itself for this ABI, or Electron refuses to load it. */
export function hasAbi(binaryFile, abi) {
  return readFileSync(binaryFile).includes(Buffer.from(`node_register_module_v${abi}\0`));
}

function run(cmd, args, cwd, env) {
  const r = spawnSync(process.execPath, [cmd, ...args], { cwd, env, encoding: 'utf8', timeout: 15 * 60_000 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return { ok: r.status === 0, output: output.split('\n').slice(-12).join('\n') };
}

export function prepareNative({ root = ROOT, env = process.env, log = console.log } = {}) {
  const v = installedVersions(root);
  const cacheDir = join(root, '.cache', 'electron-native');
  const pkgDir = join(cacheDir, 'better-sqlite3');
  const binary = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
  const manifestFile = join(cacheDir, 'better-sqlite3.json');

  if (existsSync(manifestFile) && existsSync(binary)) {
    const m = readJson(manifestFile);
    if (m.electron === v.electron && m.betterSqlite3 === v.betterSqlite3 && hasAbi(binary, v.abi)) {
      log(`better-sqlite3 ${v.betterSqlite3} for Electron ${v.electron} is ready.`);
      return { binary, manifestFile, fresh: false };
    }
  }

  log(`Preparing better-sqlite3 ${v.betterSqlite3} for Electron ${v.electron} (ABI ${v.abi}) in ${relative(root, pkgDir)} ...`);
  rmSync(manifestFile, { force: true });
  rmSync(pkgDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const source = realpathSync(v.sqliteDir);
  cpSync(source, pkgDir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(source, src).split(/[\\/]/)[0];
      return rel !== 'build' && rel !== 'node_modules';
    },
  });

  const require = createRequire(join(ROOT, 'package.json'));
  const platformArgs = ['--arch', process.arch, '--platform', process.platform];
  const prebuild = run(require.resolve('prebuild-install/bin.js'),
    ['--runtime', 'electron', '--target', v.electron, ...platformArgs, '--verbose'], pkgDir, env);
  let how = 'prebuilt binary';
  if (!prebuild.ok || !existsSync(binary)) {
    log('No prebuilt binary could be fetched; building from source against Electron headers ...');
    const headers = env.FAIRSITE_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
    // An inherited nodedir (npm sets one from its config) would build against Node's headers.
    const gypEnv = Object.fromEntries(Object.entries(env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));
    const gyp = run(require.resolve('node-gyp/bin/node-gyp.js'),
      ['rebuild', '--release', `--target=${v.electron}`, `--arch=${process.arch}`, `--dist-url=${headers}`],
      pkgDir, { ...gypEnv, npm_config_runtime: 'electron', npm_config_target: v.electron, npm_config_disturl: headers });
    if (!gyp.ok || !existsSync(binary)) {
      throw new Error([
        `Could not prepare better-sqlite3 for Electron ${v.electron}.`,
        'Neither the prebuilt binary (from github.com) nor Electron\'s headers (from electronjs.org) could be used.',
        'Connect to the internet and run `npm start` again (building from source also needs Python and a C++ compiler).',
        '', 'prebuild-install said:', prebuild.output, '', 'node-gyp said:', gyp.output,
      ].join('\n'));
    }
    how = 'built from source';
  }
  if (!hasAbi(binary, v.abi)) {
    rmSync(binary, { force: true });
    throw new Error(`The better-sqlite3 binary obtained is not built for Electron's ABI ${v.abi}; it was removed. Run this again, or report the problem.`);
  }
  const manifest = { binding: relative(root, binary).split('\\').join('/'), electron: v.electron, abi: v.abi, betterSqlite3: v.betterSqlite3 };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  log(`better-sqlite3 for Electron ${v.electron}: ${how}, ${manifest.binding}`);
  return { binary, manifestFile, fresh: true };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    prepareNative();
  } catch (err) {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
}
