// The HQ upload endpoint. The secret (password or token) is stored sealed by
// the SecretBox (safeStorage in the app) and only unsealed to send.
import type { Core } from '../core';
import type { z } from 'zod';
import { getSetting, setSetting } from './settings';
import { EndpointInput, type EndpointInfo } from '../../../shared/domain/sync';
import { fieldText, refusal } from '../../../shared/core-messages';
import { msg, type Message } from '../../../shared/messages';

export type { EndpointInfo };

const KEY = 'sync.endpoint';

export interface Endpoint {
  kind: 'webdav' | 'presigned';
  url: string;
  auth: 'none' | 'basic' | 'bearer';
  username: string;
  secret: string;
}

interface Stored { kind: Endpoint['kind']; url: string; auth: Endpoint['auth']; username: string; sealed: string }

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * A password or token sent over plain http:// can be read by anyone on the
 * network path (hotel or site Wi-Fi): refused unless the server is on this
 * computer. Null when the address is fine.
 */
export function plainHttpProblem(url: string, auth: Endpoint['auth']): Message | null {
  if (auth === 'none') return null;
  const u = new URL(url);
  if (u.protocol !== 'http:' || isLoopbackHost(u.hostname)) return null;
  return msg('sync.plainHttp', { address: `${u.protocol}//${u.host}` });
}

export function saveEndpoint(core: Core, input: z.input<typeof EndpointInput>): EndpointInfo {
  const e = EndpointInput.parse(input);
  const insecure = plainHttpProblem(e.url, e.auth);
  if (insecure) throw refusal('invalid_input', insecure, [fieldText('url', msg('problem.httpsNeeded'))]);
  if (e.auth === 'basic' && !e.username) throw refusal('invalid_input', msg('sync.basicUser'), [fieldText('username', msg('problem.required'))]);
  if (e.auth !== 'none' && !e.secret) throw refusal('invalid_input', msg('sync.secret'), [fieldText('secret', msg('problem.required'))]);
  const url = e.kind === 'webdav' && !e.url.endsWith('/') ? `${e.url}/` : e.url;
  const stored: Stored = { kind: e.kind, url, auth: e.auth, username: e.username, sealed: e.secret ? core.secretBox.seal(Buffer.from(e.secret, 'utf8')).toString('base64') : '' };
  setSetting(core, KEY, JSON.stringify(stored));
  return endpointInfo(core)!;
}

function stored(core: Core): Stored | null {
  const raw = getSetting(core, KEY);
  return raw ? (JSON.parse(raw) as Stored) : null;
}

export function endpointInfo(core: Core): EndpointInfo | null {
  const s = stored(core);
  return s ? { kind: s.kind, url: s.url, auth: s.auth, username: s.username, hasSecret: !!s.sealed } : null;
}

export function loadEndpoint(core: Core): Endpoint | null {
  const s = stored(core);
  if (!s) return null;
  const sealed = Buffer.from(s.sealed, 'base64');
  const secret = s.sealed ? core.secretBox.open(sealed).toString('utf8') : '';
  // Sealed by an earlier version in a format no longer written: stored again in the current one.
  if (s.sealed && core.secretBox.outdated?.(sealed)) setSetting(core, KEY, JSON.stringify({ ...s, sealed: core.secretBox.seal(Buffer.from(secret, 'utf8')).toString('base64') }));
  return { kind: s.kind, url: s.url, auth: s.auth, username: s.username, secret };
}

export function clearEndpoint(core: Core): void {
  setSetting(core, KEY, null);
}

export function authHeaders(e: Endpoint): Record<string, string> {
  // Also checked on every send: an address saved before this rule existed is not used in clear.
  const insecure = plainHttpProblem(e.url, e.auth);
  if (insecure) throw refusal('rejected', insecure);
  if (e.auth === 'basic') return { authorization: `Basic ${Buffer.from(`${e.username}:${e.secret}`, 'utf8').toString('base64')}` };
  if (e.auth === 'bearer') return { authorization: `Bearer ${e.secret}` };
  return {};
}
