// A strict JSON scanner that says WHERE a text is broken (line and column)
// and which object keys repeat. JSON.parse gives neither in a portable form
// (its messages differ between engines) and silently keeps the last of two
// equal keys, which would hide a mistake in a hand-edited file.
import { msg, type Message } from './messages';
import { coreEnglish } from './core-messages';

export interface JsonProblem {
  line: number;
  column: number;
  /** What is wrong, in English; `text` is the same as a message (shared/locales/en/core-refusals.ts). */
  message: string;
  text: Message;
}

export interface JsonScan {
  error: JsonProblem | null;
  /** The first repeated keys (at most `maxDuplicates`), each with the path of the object holding it. */
  duplicates: Array<{ path: Array<string | number>; key: string }>;
  /** How many repeated keys there are in all. */
  duplicateCount: number;
}

export interface ScanOptions {
  /** Deeper nesting is an error (hostile files nest thousands deep). */
  maxDepth?: number;
  /** Repeated keys kept with their path; the rest are only counted. */
  maxDuplicates?: number;
}

export const DEFAULT_MAX_DEPTH = 64;

export function scanJson(text: string, opts: ScanOptions = {}): JsonScan {
  const s = new Scanner(text, opts.maxDepth ?? DEFAULT_MAX_DEPTH, opts.maxDuplicates ?? 100);
  const result = (error: JsonProblem | null): JsonScan => ({ error, duplicates: s.duplicates, duplicateCount: s.duplicateCount });
  try {
    s.ws();
    s.value(0);
    s.ws();
    if (s.pos < text.length) s.fail(msg('json.afterEnd'));
    return result(null);
  } catch (e) {
    if (e instanceof ScanStop) return result(s.where(e.at, e.text));
    throw e;
  }
}

class ScanStop extends Error {
  constructor(readonly text: Message, readonly at: number) {
    super(coreEnglish(text));
  }
}

class Scanner {
  pos = 0;
  duplicates: JsonScan['duplicates'] = [];
  duplicateCount = 0;
  /** The path of the value being read: one stack, copied only for a kept duplicate. */
  private readonly path: Array<string | number> = [];
  constructor(private readonly t: string, private readonly maxDepth: number, private readonly maxDuplicates: number) {}

  fail(text: Message, at = this.pos): never {
    throw new ScanStop(text, at);
  }

  where(at: number, text: Message): JsonProblem {
    let line = 1;
    let col = 1;
    for (let i = 0; i < at && i < this.t.length; i++) {
      if (this.t[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    return { line, column: col, message: coreEnglish(text), text };
  }

  private describe(): Message {
    if (this.pos >= this.t.length) return msg('json.end');
    return msg('json.char', { char: JSON.stringify(this.t[this.pos]) });
  }

  ws(): void {
    for (;;) {
      const c = this.t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  value(depth: number): void {
    if (depth > this.maxDepth) this.fail(msg('json.tooDeep', { depth: this.maxDepth }));
    const c = this.t[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      this.string();
      return;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.t.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    if (c === "'") this.fail(msg('json.singleQuotes'));
    this.fail(msg('json.expectedValue', { found: this.describe() }));
  }

  object(depth: number): void {
    this.pos++;
    this.ws();
    const seen = new Set<string>();
    if (this.t[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.t[this.pos] !== '"') this.fail(msg('json.expectedName', { found: this.describe() }));
      const key = this.string();
      if (seen.has(key)) {
        if (this.duplicateCount++ < this.maxDuplicates) this.duplicates.push({ path: [...this.path], key });
      } else seen.add(key);
      this.ws();
      if (this.t[this.pos] !== ':') this.fail(msg('json.expectedColon', { found: this.describe() }));
      this.pos++;
      this.ws();
      this.path.push(key);
      this.value(depth + 1);
      this.path.pop();
      if (this.closes('}')) return;
    }
  }

  array(depth: number): void {
    this.pos++;
    this.ws();
    if (this.t[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      this.path.push(i);
      this.value(depth + 1);
      this.path.pop();
      if (this.closes(']')) return;
    }
  }

  /** After a member: true when `close` ends the container, false after a comma. */
  private closes(close: '}' | ']'): boolean {
    this.ws();
    const c = this.t[this.pos];
    if (c === close) {
      this.pos++;
      return true;
    }
    if (c !== ',') this.fail(msg('json.expectedComma', { close, found: this.describe() }));
    this.pos++;
    this.ws();
    if (this.t[this.pos] === close) this.fail(msg('json.trailingComma', { close }));
    return false;
  }

  string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      if (this.pos >= this.t.length) this.fail(msg('json.unterminated'), start);
      const c = this.t.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos++;
        return JSON.parse(this.t.slice(start, this.pos)) as string;
      }
      if (c < 0x20) this.fail(msg('json.control'));
      if (c === 0x5c) {
        const e = this.t[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.t.slice(this.pos + 2, this.pos + 6))) this.fail(msg('json.badUnicode'));
          this.pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.pos += 2;
        else this.fail(msg('json.badEscape', { escape: `\\${e ?? ''}` }));
      } else this.pos++;
    }
  }

  number(): void {
    const start = this.pos;
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.t.slice(start, start + 400));
    if (!m) this.fail(msg('json.badNumber'));
    this.pos += m[0].length;
    const next = this.t[this.pos];
    if (next !== undefined && /[0-9.eE]/.test(next)) this.fail(msg('json.badNumberForm'), start);
  }
}
