import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Debian's Chromium, never a downloaded browser; the web harness on a fresh
// data folder (started by global-setup) stands in for the Electron shell.
export default defineConfig({
  testDir: here('.'),
  testMatch: /.*\.e2e\.ts$/,
  // Separate runs (several people on one machine) can keep their artifacts apart.
  outputDir: process.env.FAIRSITE_E2E_OUT || here('output/results'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  globalSetup: here('global-setup.ts'),
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME || here('output/report.json') }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
