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
  const out: string[] = [];
  write(value, out, new Set<object>(), '(root)');
  return out.join('');
}

function write(value: unknown, out: string[], stack: Set<object>, where: string): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      // NaN and Infinity have no JSON form; silently writing null would make
      // two different values hash alike.
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${where}: ${value} is not a finite number`);
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${where}: a ${typeof value} has no JSON form`);
  }
  const obj = value as object;
  if (stack.has(obj)) throw new CanonicalJsonError(`${where}: circular reference`);
  stack.add(obj);
  if (Array.isArray(obj)) {
    out.push('[');
    obj.forEach((v: unknown, i) => {
      if (i > 0) out.push(',');
      write(v === undefined ? null : v, out, stack, `${where}[${i}]`);
    });
    out.push(']');
  } else {
    const rec = obj as Record<string, unknown>;
    const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
    out.push('{');
    keys.forEach((k, i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(k), ':');
      write(rec[k], out, stack, `${where}.${k}`);
    });
    out.push('}');
  }
  stack.delete(obj);
}
