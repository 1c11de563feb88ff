// The app:// scheme: the renderer is served from dist/renderer through
// this handler rather than file://, so the page has a real origin
// (app://app), a CSP header, and no access to the rest of the disk.
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES, FILES_HOST } from './security';
import { readStatic, type StaticReply } from './static';

/** Must run before the app's ready event, and only once. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ ...APP_SCHEME_PRIVILEGES, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
}

/** Serves app://files/<name> (evidence thumbnails); added with the evidence store. */
export type FilesHandler = (name: string) => Promise<StaticReply>;

function toResponse(r: StaticReply): Response {
  return new Response(r.status === 200 ? new Uint8Array(r.body) : r.body.toString(), { status: r.status, headers: r.headers });
}

/** Call after ready. Only GET of app://app/... and app://files/... is answered. */
export function handleAppProtocol(rendererRoot: string, files?: FilesHandler): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    if (url.host === APP_HOST) return toResponse(await readStatic(rendererRoot, url.pathname));
    if (url.host === FILES_HOST && files) return toResponse(await files(url.pathname.slice(1)));
    return new Response('Not found', { status: 404 });
  });
}
