import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Relative base: the shell loads the app from a custom protocol, the web
// harness from http://127.0.0.1; both serve dist/renderer as the root.
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    // Keeps the module preload polyfill (an inline script) out: the CSP is default-src 'self'.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
