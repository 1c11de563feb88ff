// Draws the app icon's PNG sizes from icon.svg (run after changing it):
//   node electron/tools/make-icons.mjs
// electron-builder takes icon.png (512 px) for Windows and macOS, where it
// makes .ico and .icns itself, and the sized PNGs for Linux.
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'icons');
const svg = readFileSync(join(dir, 'icon.svg'));
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
for (const size of SIZES) {
  await sharp(svg, { density: Math.ceil((72 * size) / 512) + 1 }).resize(size, size).png({ compressionLevel: 9 }).toFile(join(dir, `${size}x${size}.png`));
}
await sharp(svg, { density: 72 }).resize(512, 512).png({ compressionLevel: 9 }).toFile(join(dir, 'icon.png'));
