// Every write transaction goes through store/write.ts (IMMEDIATE). A new
// `db.transaction(` elsewhere is refused here, so a deferred read-then-write
// cannot come back unnoticed (see test/integration/core/two-connections-write.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Already IMMEDIATE by hand; each names why it is not (yet) a write() call. */
const ALLOWED = new Map([
  ['electron/core/store/write.ts', 'the helper itself'],
  ['electron/core/store/repos/responses.ts', 'the answer save keeps one transaction function per connection and calls .immediate() on it'],
  ['electron/core/store/repos/audits.ts', 'calls .immediate() itself'],
  ['electron/core/report/report-files.ts', 'calls .immediate() itself'],
]);

function* tsFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (e.name.endsWith('.ts')) yield p;
  }
}

describe('write transactions', () => {
  it('are opened only by write(core, fn), outside the listed exceptions', () => {
    const found: string[] = [];
    for (const f of tsFiles(join(root, 'electron'))) {
      const rel = relative(root, f).split('\\').join('/');
      if (ALLOWED.has(rel)) continue;
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (/\.transaction\(/.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the exceptions still open their transactions IMMEDIATE', () => {
    for (const rel of ALLOWED.keys()) {
      const src = readFileSync(join(root, rel), 'utf8');
      const opened = (src.match(/\.transaction\(/g) ?? []).length;
      const immediate = (src.match(/\.immediate\(/g) ?? []).length;
      expect(immediate, rel).toBeGreaterThanOrEqual(opened);
    }
  });
});
