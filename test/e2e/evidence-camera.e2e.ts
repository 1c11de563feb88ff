// The laptop camera in Chromium: its stand-in device (a generated moving
// picture), allowed without a prompt; a still is taken and added.
import { test, expect } from '@playwright/test';
import { thumbsLoaded, useEvidenceHarness } from './evidence-support';

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

const h = useEvidenceHarness();

test('a still from the camera is added like any photo', async ({ page }) => {
  await page.goto(`${h.url}#/audit/${h.auditId}/evidence`);
  await expect(page.getByText('No photos yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Take a photo' }).click();
  const video = page.getByLabel('Camera preview');
  await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Take photo', exact: true }).click();
  await thumbsLoaded(page, 1);
  const [p] = await h.call<Array<{ originalName: string; format: string; width: number; captureSource: string }>>('evidence.list', { auditId: h.auditId });
  expect(p).toMatchObject({ format: 'jpeg', captureSource: 'added' });
  expect(p!.width).toBeGreaterThan(100);
  expect(p!.originalName).toMatch(/^camera-\d{4}-\d{2}-\d{2}T/);
});
