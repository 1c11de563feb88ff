import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Node tests by default; files under test/unit/renderer run in jsdom.
export default defineConfig({
  root,
  // Out of node_modules, as renderer/vite.config.ts: Vitest keeps its results cache there.
  cacheDir: fileURLToPath(new URL('.cache/vite', import.meta.url)),
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
