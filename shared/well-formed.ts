// Ill-formed UTF-16: a lone surrogate (half of an emoji, from a cut paste or
// a broken keyboard driver) has no UTF-8 form. SQLite stores it as U+FFFD,
// so text hashed as the JS string differs from the text stored. The
// contract refuses such text; the event log stores (and hashes) the U+FFFD.
type WithWellFormed = { isWellFormed?: () => boolean; toWellFormed?: () => string };

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_ALL = new RegExp(LONE.source, 'g');

export function isWellFormed(s: string): boolean {
  const native = (s as unknown as WithWellFormed).isWellFormed;
  return native ? native.call(s) : !LONE.test(s);
}

/** Every lone surrogate replaced by U+FFFD: exactly what UTF-8 storage gives back. */
export function toWellFormed(s: string): string {
  if (isWellFormed(s)) return s;
  const native = (s as unknown as WithWellFormed).toWellFormed;
  return native ? native.call(s) : s.replace(LONE_ALL, '\uFFFD');
}

export const ILL_FORMED_MESSAGE = 'contains a broken character (half of an emoji or symbol, often from a cut-off paste). Delete the last characters you pasted or typed and enter them again.';

/** Paths (`a.b[2]`) of every string in a JSON-like value that is not well-formed, keys included; at most `max`. */
export function illFormedPaths(value: unknown, max = 100): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (out.length >= max) return;
    if (typeof v === 'string') {
      if (!isWellFormed(v)) out.push(path || '(root)');
      return;
    }
    if (v === null || typeof v !== 'object' || depth > 64) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const p = path ? `${path}.${toWellFormed(k)}` : toWellFormed(k);
      if (!isWellFormed(k)) out.push(p);
      walk(x, p, depth + 1);
    }
  };
  walk(value, '', 0);
  return out.slice(0, max);
}
