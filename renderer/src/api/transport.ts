// How the renderer reaches the core: the Electron preload when it exists,
// otherwise the web harness over HTTP on the same origin.
import type { Envelope } from '../../../shared/errors';
import type { Transport } from '../../../shared/contract/client';

// The translations are fetched only for an error's text: this module is in
// the small first code of a start (main.tsx), which must not carry them.
const text = async (key: string, options: Record<string, unknown>): Promise<string> => (await import('../i18n')).initI18n().t(key, options);

interface PreloadBridge {
  call(op: string, input: unknown): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    fairsite?: PreloadBridge;
  }
}

export const httpTransport: Transport = async (op, input) => {
  let res: globalThis.Response;
  try {
    res = await fetch('./api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ op, input }),
    });
  } catch {
    return { ok: false, error: { code: 'storage', message: await text('transport.unreachable', { ns: 'app' }) } };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: await text('transport.badAnswer', { ns: 'app', status: res.status }) } };
  }
};

export function defaultTransport(): Transport {
  const bridge = typeof window !== 'undefined' ? window.fairsite : undefined;
  if (bridge) return (op, input) => bridge.call(op, input);
  return httpTransport;
}
