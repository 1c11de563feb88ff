// Bundles the Electron main process and the preload into dist/electron.
// main.cjs carries our TypeScript (shell, handlers, core); native and
// file-reading packages stay external and load from node_modules (asar-
// unpacked in a packaged app). The preload is a few hundred bytes: the
// contract's operation names are inlined, the contract itself is not.
import { build } from 'esbuild';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Loaded at run time from node_modules: native code, or data files read beside the module. */
export const EXTERNALS = ['electron', 'better-sqlite3', 'sharp', '@img/*', 'pdfkit', 'fontkit'];

export async function contractOpNames(cacheDir = join(root, '.cache', 'build-shell')) {
  mkdirSync(cacheDir, { recursive: true });
  const out = join(cacheDir, `contract-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(root, 'shared', 'contract', 'index.ts')],
    bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'error',
    mainFields: ['module', 'main'],
  });
  try {
    const mod = await import(pathToFileURL(out).href);
    return [...mod.OP_NAMES].sort();
  } finally {
    rmSync(out, { force: true });
  }
}

export async function buildShell({ outDir = join(root, 'dist', 'electron') } = {}) {
  const opNames = await contractOpNames();
  const common = { bundle: true, format: 'cjs', logLevel: 'warning', legalComments: 'none', absWorkingDir: root };
  await build({
    ...common,
    entryPoints: [join(root, 'electron', 'shell', 'main.ts')],
    outfile: join(outDir, 'main.cjs'),
    platform: 'node',
    target: 'node22',
    external: EXTERNALS,
    // Core modules find assets relative to their own file; in the bundle that is dist/electron/main.cjs.
    define: { 'import.meta.url': '__fairsite_import_meta_url' },
    banner: { js: "const __fairsite_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({
    ...common,
    entryPoints: [join(root, 'electron', 'shell', 'preload.ts')],
    outfile: join(outDir, 'preload.cjs'),
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
    minify: true,
    define: { __FAIRSITE_OPS__: JSON.stringify(opNames) },
  });
  const size = (f) => statSync(join(outDir, f)).size;
  return { outDir, opNames, mainBytes: size('main.cjs'), preloadBytes: size('preload.cjs') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildShell().then(
    (r) => console.log(`shell built in ${r.outDir}: main.cjs ${r.mainBytes} B, preload.cjs ${r.preloadBytes} B, ${r.opNames.length} operations`),
    (err) => {
      console.error(`build-shell failed: ${err.message}`);
      process.exit(1);
    },
  );
}
