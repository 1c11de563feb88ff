// The shell's security decisions, in one place and free of Electron so
// they are unit-tested under Node. main.ts only wires them to events.
import type { BrowserWindowConstructorOptions } from 'electron';

/** The custom scheme the renderer is served from (instead of file://). */
export const APP_SCHEME = 'app';
/** Host of the built renderer: app://app/index.html. */
export const APP_HOST = 'app';
/** Host reserved for evidence files (photo thumbnails): app://files/<hash>. */
export const FILES_HOST = 'files';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for protocol.registerSchemesAsPrivileged: `standard` so
 * relative URLs and web storage work, `secure` so the page is a secure
 * context (camera access needs one), `supportFetchAPI` for fetch() of
 * app:// resources, `codeCache` so V8 keeps the renderer's compiled code
 * between starts (Chromium caches code only for http(s) otherwise, and the
 * first screen's 440 KiB of JS would be compiled again at every start).
 * No bypassCSP, no service workers, no CORS.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

/**
 * One policy for the shell and the web harness. No inline script, no eval,
 * no inline style (React sets styles through the CSSOM, which CSP allows).
 * Media may come from the camera stream (blob:/mediastream:) for photos.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' ${APP_SCHEME}://${FILES_HOST} data: blob:`,
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every served page and asset carries, on both transports. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A page of the app itself: app://app/... and nothing else. */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * The app is a single page: the only navigation allowed is to another
 * app:// page (a reload or a hash route). Links to the web never open in
 * the window, and are not handed to the system browser either.
 */
export function shouldAllowNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/** window.open and target=_blank: always denied. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

export interface PermissionDetails {
  /** URL of the frame asking (request handler: details.requestingUrl). */
  requestingUrl?: string | undefined;
  /** For 'media' requests: which devices. */
  mediaTypes?: ReadonlyArray<string> | undefined;
  /** For 'media' checks: 'video' | 'audio' | 'unknown'. */
  mediaType?: string | undefined;
  isMainFrame?: boolean | undefined;
}

/**
 * Everything is denied except the camera (video only, no microphone) for
 * the app's own top-level page, used to take evidence photos.
 */
export function permissionDecision(permission: string, details: PermissionDetails = {}): boolean {
  if (permission !== 'media') return false;
  if (details.isMainFrame === false) return false;
  if (!isAppUrl(details.requestingUrl)) return false;
  if (details.mediaTypes !== undefined) {
    return details.mediaTypes.length > 0 && details.mediaTypes.every((t) => t === 'video');
  }
  if (details.mediaType !== undefined) return details.mediaType === 'video';
  return false;
}

/**
 * IPC is answered only for the app's own top-level frame: a sub-frame or a
 * page that somehow navigated elsewhere gets nothing.
 */
export function isTrustedSender(frameUrl: unknown, isMainFrame = true): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}

export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1024, minHeight: 700 } as const;

type WindowCtor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * The one main window. The constructor is passed in so tests can check the
 * options without Electron; the literal stays here, where the security
 * scanner reads it.
 */
export function createMainWindow<W>(BrowserWindow: WindowCtor<W>, preload: string, icon?: string): W {
  return new BrowserWindow({
    ...WINDOW_SIZE,
    ...(icon ? { icon } : {}),
    show: false,
    title: 'Fairsite',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
    },
  });
}
