// One byte-exact JSON text per value, so a hash of it identifies content
// whatever key order or spacing the source file used. Object keys are sorted
// by UTF-16 code units (what Array.prototype.sort does), no whitespace.

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, [], []);
}

// `path` holds the keys and indexes leading to `value`; it is turned into
// text only for an error message, since this runs on every saved answer.
type Path = Array<string | number>;

function where(path: Path): string {
  let w = '(root)';
  for (const p of path) w += typeof p === 'number' ? `[${p}]` : `.${p}`;
  return w;
}

// A string needs JSON.stringify's escaping only if it holds a quote, a
// backslash, a control character or a surrogate (lone ones are escaped);
// most keys and values hold none, and quoting them directly is cheaper.
// eslint-disable-next-line no-control-regex -- control characters are among what JSON must escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** A string as JSON text, exactly as JSON.stringify writes it. */
export const quote = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);

function write(value: unknown, stack: object[], path: Path): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return quote(value);
    case 'number':
      // NaN and Infinity have no JSON form; silently writing null would make
      // two different values hash alike.
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${where(path)}: ${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${where(path)}: a ${typeof value} has no JSON form`);
  }
  const obj = value as object;
  if (stack.includes(obj)) throw new CanonicalJsonError(`${where(path)}: circular reference`);
  stack.push(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = '[';
    for (let i = 0; i < obj.length; i++) {
      const v: unknown = obj[i];
      path.push(i);
      out += (i > 0 ? ',' : '') + write(v === undefined ? null : v, stack, path);
      path.pop();
    }
    out += ']';
  } else {
    const rec = obj as Record<string, unknown>;
    const keys = Object.keys(rec).sort();
    out = '{';
    let first = true;
    for (const k of keys) {
      const v = rec[k];
      if (v === undefined) continue;
      path.push(k);
      out += (first ? '' : ',') + quote(k) + ':' + write(v, stack, path);
      path.pop();
      first = false;
    }
    out += '}';
  }
  stack.pop();
  return out;
}
