// The report's content as HTML (written by the bench before this process
// starts) printed to PDF by headless Chromium, as an Electron app would with
// webContents.printToPDF. Measured: browser start, load (photos decoded) and
// print separately; memory of the whole browser tree is sampled by the parent.
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './lib/chromium-args';
import { finish, markBaseline } from './lib/peak-rss';

const [html, out] = process.argv.slice(2) as [string, string];
markBaseline();
const t0 = performance.now();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const tLaunch = performance.now();
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 300_000 });
  const tLoad = performance.now();
  await page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const tPrint = performance.now();
  finish({ launchMs: tLaunch - t0, loadMs: tLoad - tLaunch, printMs: tPrint - tLoad, renderMs: tPrint - tLaunch, bytes: statSync(out).size });
} finally {
  await browser.close();
}
