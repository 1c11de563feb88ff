// Writes assets/licences/THIRD-PARTY-LICENCES.txt: every package the
// packaged app carries (package-lock.json's production tree), its licence
// and the licence text it ships. Run after changing dependencies:
//   node electron/tools/third-party-licences.mjs
// test/unit/shell/licences.test.ts fails while the file is out of date.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LICENCES_FILE = join(root, 'assets', 'licences', 'THIRD-PARTY-LICENCES.txt');

const HEADER = `Fairsite includes the following third-party software. Each package is
listed with its version, its licence as the package declares it, and the
licence text it ships.

LGPL-licensed parts, and how to replace them
--------------------------------------------
libheif-js (LGPL-3.0) decodes HEIC photos; libvips in the @img/sharp-libvips-*
packages (LGPL-3.0-or-later) is sharp's image library. Both are shipped
unmodified, as separate files outside the app's archive, so you may replace
them with your own build of the same version's interface:
  - libheif-js: the folder resources/app.asar.unpacked/node_modules/libheif-js
    (its JavaScript and WebAssembly files); build it from
    https://github.com/catdad-experiments/libheif-js (libheif:
    https://github.com/strukturag/libheif) and put your files in its place.
  - libvips: the shared library in
    resources/app.asar.unpacked/node_modules/@img/sharp-libvips-<platform>/lib;
    see https://github.com/lovell/sharp-libvips for building it.
Fairsite loads whatever files are there when it starts. The licence texts
(GNU LGPL version 3 and the GNU GPL version 3 it refers to) are below with
each package, and at https://www.gnu.org/licenses/lgpl-3.0.html.
`;

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown|mit|bsd))?$/i;

export function productionPackages() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages)
    .filter(([path, p]) => path && !p.dev && !p.devOptional && !p.link)
    .map(([path, p]) => ({ path, name: path.slice(path.lastIndexOf('node_modules/') + 13), version: p.version, license: p.license ?? 'UNKNOWN' }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

export function licenceText() {
  const parts = [HEADER];
  const seen = new Set();
  for (const p of productionPackages()) {
    const key = `${p.name}@${p.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const dir = join(root, p.path);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => LICENCE_FILE.test(f)).sort() : [];
    parts.push(`\n${'='.repeat(72)}\n${key}  (${p.license})\n${'='.repeat(72)}`);
    // Packages for other platforms are not installed here; their licence is the one declared.
    if (!existsSync(dir)) parts.push('(not installed on the machine that made this list; licence as declared above)');
    else if (!files.length) parts.push('(the package ships no licence file; licence as declared above)');
    for (const f of files) parts.push(readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n').trimEnd());
  }
  return `${parts.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(LICENCES_FILE), { recursive: true });
  writeFileSync(LICENCES_FILE, licenceText());
  console.log(`${LICENCES_FILE}: ${productionPackages().length} packages`);
}
