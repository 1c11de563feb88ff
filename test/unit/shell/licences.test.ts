// The third-party licence file the package ships is the one the lockfile's
// production tree gives today, and it says how to replace the LGPL parts.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
type Tool = { LICENCES_FILE: string; licenceText(): string; productionPackages(): Array<{ name: string; license: string }> };
const tool = (): Promise<Tool> => import(pathToFileURL(join(repo, 'electron/tools/third-party-licences.mjs')).href) as Promise<Tool>;

describe('third-party licences', () => {
  it('the shipped file is up to date (node electron/tools/third-party-licences.mjs makes it)', async () => {
    const t = await tool();
    expect(readFileSync(t.LICENCES_FILE, 'utf8') === t.licenceText()).toBe(true);
  });

  it('lists every production package, with libheif-js as LGPL and how to replace it', async () => {
    const t = await tool();
    const text = readFileSync(t.LICENCES_FILE, 'utf8');
    const pkgs = t.productionPackages();
    for (const p of pkgs) expect(text, p.name).toContain(`${p.name}@`);
    expect(pkgs.find((p) => p.name === 'libheif-js')?.license).toMatch(/LGPL-3\.0/);
    expect(text).toMatch(/resources\/app\.asar\.unpacked\/node_modules\/libheif-js/);
    expect(pkgs.some((p) => p.name === 'react')).toBe(false);
  });
});
