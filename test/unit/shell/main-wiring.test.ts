// The built main process (dist/electron/main.cjs) wired to a stand-in for
// the 'electron' module: checks what main asks of Electron and drives the
// handlers it registers, with the real core and database underneath.
// Electron itself cannot run here; this checks our wiring, not Electron.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
let dir: string;
// The runner's JSON report, read field by field below.
let r: ReturnType<typeof JSON.parse>;

beforeAll(async () => {
  mkdirSync(join(repo, '.cache'), { recursive: true });
  dir = mkdtempSync(join(repo, '.cache', 'main-wiring-'));
  const { buildShell } = (await import(pathToFileURL(join(repo, 'electron/tools/build-shell.mjs')).href)) as { buildShell(o: { outDir: string }): Promise<unknown> };
  await buildShell({ outDir: join(dir, 'dist', 'electron') });
  mkdirSync(join(dir, 'dist', 'renderer'));
  writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Fairsite shell</title>');
  symlinkSync(join(repo, 'assets'), join(dir, 'assets'));
  const out = execFileSync(process.execPath, [
    join(__dirname, 'fixtures', 'run-main-with-fake-electron.mjs'), join(dir, 'dist', 'electron', 'main.cjs'), dir, join(dir, 'data'),
  ], { encoding: 'utf8', timeout: 60_000 });
  r = JSON.parse(out.trim().split('\n').at(-1)!);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('main.cjs wiring', () => {
  it('starts without errors, in the right order', () => {
    expect(r.errors).toEqual([]);
    const o: string[] = r.order;
    expect(o[0]).toBe('registerSchemesAsPrivileged:ready=false');
    expect(o.indexOf('setPath:userData')).toBeLessThan(o.indexOf('requestSingleInstanceLock'));
    expect(o.indexOf('requestSingleInstanceLock')).toBeLessThan(o.indexOf('ready'));
    expect(o.indexOf('ready')).toBeLessThan(o.indexOf('protocol.handle:app'));
    expect(o).toContain('ipcMain.handle:fairsite:call');
    expect(o).not.toContain('quit');
    expect(r.userData).toBe(join(dir, 'data'));
    expect(r.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } }]);
  });

  it('opens one secure window on app://app/index.html with a minimal menu', () => {
    expect(r.windows).toHaveLength(1);
    expect(r.windows[0].webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(r.windows[0].webPreferences.preload).toBe(join(dir, 'dist', 'electron', 'preload.cjs'));
    expect(r.loadURL).toEqual(['app://app/index.html']);
    expect(r.menu).toEqual(['File', 'editMenu', 'View', 'windowMenu']);
  });

  it('serves the renderer over app:// with the CSP, and nothing outside it', () => {
    expect(r.protocol.index).toMatchObject({ status: 200, body: expect.stringContaining('Fairsite shell') });
    expect(r.protocol.index.csp).toMatch(/^default-src 'self'/);
    expect(r.protocol.traversal.status).toBe(404);
    expect(r.protocol.otherHost.status).toBe(404);
    expect(r.protocol.post.status).toBe(405);
  });

  it('answers IPC from its own page through the real core, and nobody else', () => {
    expect(r.ipcCalls.info).toMatchObject({ ok: true, value: { dataDir: join(dir, 'data') } });
    expect(r.ipcCalls.createSite).toMatchObject({ ok: true, value: { name: 'Cebu IT Park Site' } });
    expect(r.ipcCalls.badInput).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(r.ipcCalls.foreign).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(r.ipcCalls.subframe).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('answers dialog.save with the native Save as dialog, starting next time in the folder used last', () => {
    expect(r.ipcCalls.saveText).toEqual({ ok: true, value: { outcome: 'saved', path: join(dir, 'usb', 'enrolment.txt') } });
    expect(r.savedOnUsb).toBe('code');
    expect(r.saveDialogs[0]).toMatchObject({ defaultPath: join('/nonexistent/downloads', 'enrolment.txt'), filters: [{ name: 'Text', extensions: ['txt'] }] });
    expect(r.saveDialogs[1].defaultPath).toBe(join(dir, 'usb', 'enrolment.txt'));
    expect(r.ipcCalls.saveAgain).toEqual({ ok: true, value: { outcome: 'cancelled' } });
  });

  it('wires the navigation, window and permission guards', () => {
    expect(r.navigation).toEqual({ external: true, app: false, redirect: true, webview: true, windowOpen: { action: 'deny' } });
    expect(r.permissions).toEqual({ camera: true, microphone: false, geolocation: false, check: true, checkNotifications: false, usbDevice: false });
    expect(r.headers['Content-Security-Policy'][0]).toMatch(/^default-src 'self'/);
    expect(r.headers['X-A']).toEqual(['1']);
  });
});
