import { describe, expect, it } from 'vitest';
import {
  APP_START_URL, CSP, SECURITY_HEADERS, createMainWindow, isAppUrl, isTrustedSender, permissionDecision,
  shouldAllowNavigation, windowOpenDecision,
} from '../../../electron/shell/security';

describe('isAppUrl', () => {
  it.each([
    'app://app/index.html', 'app://app/', 'app://app/index.html#/audits/1', 'app://app/assets/x.js?v=1', APP_START_URL,
  ])('accepts %s', (u) => expect(isAppUrl(u)).toBe(true));

  it.each([
    'app://files/abc', 'app://evil/index.html', 'app://app.evil.com/', 'app://user:pw@app/', 'app://app:8080/',
    'file:///etc/passwd', 'https://app/index.html', 'http://127.0.0.1:5178/', 'javascript:alert(1)', 'about:blank',
    'data:text/html,hi', 'devtools://devtools/', 'chrome://settings', '', 'not a url', 'APP:/app',
  ])('refuses %s', (u) => expect(isAppUrl(u)).toBe(false));

  it('refuses non-strings and very long URLs', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ href: 'app://app/' })).toBe(false);
    expect(isAppUrl(`app://app/${'a'.repeat(5000)}`)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('allows only app pages', () => {
    expect(shouldAllowNavigation('app://app/index.html#/sites')).toBe(true);
    expect(shouldAllowNavigation('https://example.org/')).toBe(false);
    expect(shouldAllowNavigation('file:///home/user/report.pdf')).toBe(false);
    expect(shouldAllowNavigation('app://files/photo.jpg')).toBe(false);
  });
  it('denies every window.open', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('permissionDecision', () => {
  const page = 'app://app/index.html';
  it('grants the camera to the app page', () => {
    expect(permissionDecision('media', { requestingUrl: page, mediaTypes: ['video'], isMainFrame: true })).toBe(true);
    expect(permissionDecision('media', { requestingUrl: page, mediaType: 'video' })).toBe(true);
  });
  it('refuses the microphone, alone or with the camera', () => {
    expect(permissionDecision('media', { requestingUrl: page, mediaTypes: ['audio'] })).toBe(false);
    expect(permissionDecision('media', { requestingUrl: page, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(permissionDecision('media', { requestingUrl: page, mediaType: 'audio' })).toBe(false);
    expect(permissionDecision('media', { requestingUrl: page, mediaType: 'unknown' })).toBe(false);
  });
  it('refuses media without a device list, from sub-frames and from other origins', () => {
    expect(permissionDecision('media', { requestingUrl: page })).toBe(false);
    expect(permissionDecision('media', { requestingUrl: page, mediaTypes: [] })).toBe(false);
    expect(permissionDecision('media', { requestingUrl: page, mediaTypes: ['video'], isMainFrame: false })).toBe(false);
    expect(permissionDecision('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(permissionDecision('media', { mediaTypes: ['video'] })).toBe(false);
  });
  it.each([
    'geolocation', 'notifications', 'openExternal', 'display-capture', 'clipboard-read', 'fullscreen', 'pointerLock',
    'midiSysex', 'hid', 'usb', 'serial', 'fileSystem', 'unknown',
  ])('refuses %s even to the app page', (p) => {
    expect(permissionDecision(p, { requestingUrl: page, mediaTypes: ['video'], isMainFrame: true })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender('app://app/index.html')).toBe(true);
    expect(isTrustedSender('app://app/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('CSP', () => {
  const directives = new Map(CSP.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }));
  it('is strict', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(CSP).not.toMatch(/https?:/);
  });
  it('allows images from the app, evidence files, data and blob URLs, and the camera stream', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'app://files', 'data:', 'blob:']);
    expect(directives.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
  });
  it('is sent with the other security headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('createMainWindow', () => {
  it('builds an isolated, sandboxed window of the right size', () => {
    let seen: Electron.BrowserWindowConstructorOptions | undefined;
    class FakeWindow {
      constructor(options: Electron.BrowserWindowConstructorOptions) {
        seen = options;
      }
    }
    const win = createMainWindow(FakeWindow, '/app/dist/electron/preload.cjs');
    expect(win).toBeInstanceOf(FakeWindow);
    expect(seen).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700, show: false });
    expect(seen?.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(seen?.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(seen?.webPreferences).not.toHaveProperty('partition');
    expect(seen).not.toHaveProperty('icon');
  });

  it('gives the window the icon it is handed', () => {
    let seen: Electron.BrowserWindowConstructorOptions | undefined;
    class FakeWindow {
      constructor(options: Electron.BrowserWindowConstructorOptions) {
        seen = options;
      }
    }
    createMainWindow(FakeWindow, '/app/dist/electron/preload.cjs', '/app/assets/icons/512x512.png');
    expect(seen?.icon).toBe('/app/assets/icons/512x512.png');
  });
});
