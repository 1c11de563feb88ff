// The Electron main process: wires the guards of security.ts to Electron's
// events, serves the renderer over app://, opens the core and answers the
// renderer's calls over one IPC channel. Decisions live in plain modules.
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { openCore, type Core } from '../core/core';
import { photoFileReply } from '../core/evidence/serve';
import { startBackgroundSweep } from '../core/evidence/sweep-on-open';
import { createDispatch } from '../handlers/dispatch';
import { handlers } from '../handlers/index';
import { desktopReportHandlers } from '../handlers/report-handlers';
import { desktopDialogHandlers } from '../handlers/dialog-handlers';
import { SyncScheduler } from '../core/sync/scheduler';
import { resolveDataDir, windowIcon } from './config';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { safeStorageBox } from './secret-box';
import { keyVault } from '../core/keys/vault';
import { APP_START_URL, CSP, createMainWindow, permissionDecision, shouldAllowNavigation, windowOpenDecision } from './security';
import { dataPaths } from '../core/paths';

let mainWindow: BrowserWindow | null = null;
let closeCore: (() => void) | null = null;

function fail(title: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`${title}: ${message}`);
  if (app.isReady()) dialog.showErrorBox(title, message);
  app.exit(1);
}

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

function guardSession(): void {
  const ses = session.defaultSession;
  // app:// responses carry the CSP already; this covers any other response the session sees.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(permissionDecision(permission, { requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes }));
  });
  ses.setDevicePermissionHandler((details) => permissionDecision(details.deviceType, { requestingUrl: details.origin }));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionDecision(permission, {
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
      mediaType: details.mediaType,
    }));
}

function showMainWindow(): void {
  const win = createMainWindow(BrowserWindow, join(__dirname, 'preload.cjs'), windowIcon(app.getAppPath(), process.platform));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_START_URL);
}

async function start(dataDir: string): Promise<void> {
  await app.whenReady();
  guardSession();
  let core: Core | null = null;
  // Photo thumbnails and report images at app://files/…, once the core is open.
  handleAppProtocol(join(__dirname, '..', 'renderer'), async (name) => (core
    ? photoFileReply(core, name)
    : { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not ready') }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', app.isPackaged)));

  const { box, warning } = await safeStorageBox(safeStorage, dataPaths(dataDir).keys);
  if (warning) console.warn(warning);
  // With basic_text the user is told in Settings and offered a passphrase (keys.protection).
  const vault = keyVault(box, warning !== null);
  core = await openCore({
    dataDir, secretBox: vault, keyVault: vault, assetsDir: join(app.getAppPath(), 'assets'), appVersion: app.getVersion(),
  });
  startBackgroundSweep(core);
  // Pending bundles go to headquarters by themselves once HQ answers.
  const sync = new SyncScheduler(core);
  sync.start();
  closeCore = () => {
    sync.stop();
    core.close();
  };
  // Open and Show in folder need the desktop shell; elsewhere they say so.
  // Save as… shows the native dialog, starting in the folder used last (else Downloads).
  const desktopHandlers = { ...handlers, ...desktopReportHandlers(shell), ...desktopDialogHandlers(dialog, app.getPath('downloads')) };
  registerIpc(ipcMain, createDispatch(desktopHandlers, core, (op, err) => console.error(`${op} failed:`, err)));
  showMainWindow();
}

function main(): void {
  registerAppScheme();
  let dataDir: string;
  try {
    const chosen = resolveDataDir(process.argv, process.env, app.getPath('userData'));
    dataDir = chosen.dir;
    // Chromium's own files and the single-instance lock follow the data folder.
    if (chosen.overridden) app.setPath('userData', dataDir);
  } catch (err) {
    fail('Fairsite cannot start', err);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    closeCore?.();
    closeCore = null;
  });
  start(dataDir).catch((err) => fail('Fairsite cannot open its data', err));
}

main();
