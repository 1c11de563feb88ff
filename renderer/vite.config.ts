import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The entry (main.tsx) is small and loads the app with a dynamic import once
 * the first screen's calls have left. Its chunks and styles are named in the
 * page as well, so the browser fetches them at once, beside the entry,
 * instead of after it has run.
 */
function preloadApp(): Plugin {
  return {
    name: 'fairsite-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return [];
        const js = new Set<string>();
        const css = new Set<string>();
        const visit = (file: string) => {
          const c = bundle[file];
          if (!c || c.type !== 'chunk' || js.has(file) || file === entry.fileName) return;
          js.add(file);
          for (const f of c.viteMetadata?.importedCss ?? []) css.add(f);
          c.imports.forEach(visit);
        };
        entry.dynamicImports.forEach(visit);
        return [
          ...[...css].map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...[...js].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

// Relative base: the shell loads the app from a custom protocol, the web
// harness from http://127.0.0.1; both serve dist/renderer as the root.
export default defineConfig({
  root: here('.'),
  base: './',
  // Vite's caches stay out of node_modules (shared by every checkout here, and
  // npm stops trusting its record of an install it finds changed; the package
  // then lost its dependencies' dependencies). `.cache/` is ignored by git.
  // Builds load this file with `--configLoader runner`: the default loader
  // writes it, bundled, into node_modules/.vite-temp first.
  cacheDir: here('.cache/vite'),
  plugins: [react(), preloadApp()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    // Keeps the module preload polyfill (an inline script) out: the CSP is default-src 'self'.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
