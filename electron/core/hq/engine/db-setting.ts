// Where HQ mode keeps its data, a setting of this installation (the app's
// own database, as the upload endpoint): SQLite in the HQ folder (no
// setting), or a PostgreSQL URL. The URL is stored without its password;
// the password is sealed by the SecretBox like the app's other secrets and
// unsealed only to connect. Neither the password nor a URL holding it is
// ever returned, shown or put in a message. FAIRSITE_HQ_DB names a server
// for an installation whose person has not chosen here; once they have (the
// built-in database included, kept as a setting with no URL), their choice wins.
import type { Core } from '../../core';
import { getSetting, setSetting } from '../../sync/settings';
import { isPgUrl } from './pg-sql';
import { fieldText, refusal } from '../../../../shared/core-messages';
import { msg, type Message } from '../../../../shared/messages';

const KEY = 'hq.database';

/** `url` null: the built-in database, chosen in settings (FAIRSITE_HQ_DB no longer applies). */
interface Stored { url: string | null; sealed: string }

/** The URL without a password, checked: postgres://user@host[:port]/database. */
export function checkPgUrl(raw: string): { url: string; password: string } {
  const text = raw.trim();
  const bad = (why: Message) => refusal('invalid_input', msg('pg.badAddress', { why }), [fieldText('url', why)]);
  if (!isPgUrl(text)) throw bad(msg('pg.scheme'));
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw bad(msg('pg.invalid'));
  }
  if (!u.hostname) throw bad(msg('pg.noHost'));
  if (!u.username) throw bad(msg('pg.noUser'));
  if (u.pathname.replace(/^\//, '') === '') throw bad(msg('pg.noName'));
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), password };
}

function stored(core: Core): Stored | null {
  const raw = getSetting(core, KEY);
  return raw ? (JSON.parse(raw) as Stored) : null;
}

/** FAIRSITE_HQ_DB, when it names a PostgreSQL server. */
function fromEnvironment(): string | null {
  const env = process.env.FAIRSITE_HQ_DB;
  return env && isPgUrl(env) ? env : null;
}

/**
 * What the settings screen may show: the URL without a password, whether one
 * is kept, and whether FAIRSITE_HQ_DB chose the server (nothing chosen here yet).
 */
export function hqDatabaseInfo(core: Core): { url: string | null; hasPassword: boolean; fromEnvironment: boolean } {
  const s = stored(core);
  if (s) return { url: s.url, hasPassword: !!s.url && !!s.sealed, fromEnvironment: false };
  return { url: null, hasPassword: false, fromEnvironment: fromEnvironment() !== null };
}

/** The URL to connect with (password included), or null: SQLite. FAIRSITE_HQ_DB stands in while nothing was chosen in settings. */
export function hqDatabaseUrl(core: Core): string | null {
  const s = stored(core);
  if (!s) return fromEnvironment();
  if (s.url === null) return null;
  return withPassword(s.url, s.sealed ? core.secretBox.open(Buffer.from(s.sealed, 'base64')).toString('utf8') : '');
}

export function withPassword(url: string, password: string): string {
  const u = new URL(url);
  if (password) u.password = password;
  return u.toString();
}

/** The password kept for `url`'s user and server, so a changed database name need not retype it. */
export function keptPassword(core: Core, url: string): string {
  const s = stored(core);
  if (!s?.sealed || !s.url) return '';
  const a = new URL(s.url);
  const b = new URL(url);
  if (a.host !== b.host || a.username !== b.username) return '';
  return core.secretBox.open(Buffer.from(s.sealed, 'base64')).toString('utf8');
}

export function saveHqDatabase(core: Core, url: string | null, password: string): void {
  if (url === null) {
    // Kept, not removed: the built-in database chosen here outranks FAIRSITE_HQ_DB.
    setSetting(core, KEY, JSON.stringify({ url: null, sealed: '' } satisfies Stored));
    return;
  }
  const s: Stored = { url, sealed: password ? core.secretBox.seal(Buffer.from(password, 'utf8')).toString('base64') : '' };
  setSetting(core, KEY, JSON.stringify(s));
}
