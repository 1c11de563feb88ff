// Embedded fonts and per-character fallback. DejaVu Sans draws Latin (with
// Vietnamese, Turkish, Polish diacritics), Cyrillic and Greek; Noto fills in
// Thai and Devanagari. A character no font has is kept (drawn with the
// primary font, which shows a .notdef box) and reported as a warning.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

export type Weight = 'regular' | 'bold' | 'italic';

interface FontFile {
  name: string;
  file: string;
}

const FAMILY: Record<Weight, FontFile> = {
  regular: { name: 'DejaVuSans', file: 'DejaVuSans.ttf' },
  bold: { name: 'DejaVuSans-Bold', file: 'DejaVuSans-Bold.ttf' },
  italic: { name: 'DejaVuSans-Oblique', file: 'DejaVuSans-Oblique.ttf' },
};
const FALLBACKS: FontFile[] = [
  { name: 'NotoSansThai', file: 'NotoSansThai-Regular.ttf' },
  { name: 'NotoSansDevanagari', file: 'NotoSansDevanagari-Regular.ttf' },
];

export function fontsDir(): string {
  if (process.env.FAIRSITE_FONTS_DIR) return process.env.FAIRSITE_FONTS_DIR;
  // Works from the source tree and from a bundle that keeps assets/ beside it.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (fs.existsSync(path.join(candidate, FAMILY.regular.file))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('Report fonts not found (assets/fonts). Set FAIRSITE_FONTS_DIR.');
}

type CoverageFont = fontkit.Font;

interface LoadedFont extends FontFile {
  data: Buffer;
  cover: CoverageFont;
}

let cache: { dir: string; fonts: Map<string, LoadedFont> } | null = null;

function loadAll(): Map<string, LoadedFont> {
  const dir = fontsDir();
  if (cache?.dir === dir) return cache.fonts;
  const fonts = new Map<string, LoadedFont>();
  for (const f of [...Object.values(FAMILY), ...FALLBACKS]) {
    const data = fs.readFileSync(path.join(dir, f.file));
    fonts.set(f.name, { ...f, data, cover: fontkit.create(data) });
  }
  cache = { dir, fonts };
  return fonts;
}

export interface Run {
  font: string;
  text: string;
}

/** Chooses a font for every character and remembers what could not be drawn. */
export class FontChooser {
  private readonly fonts = loadAll();
  private readonly memo = new Map<string, string | null>();
  readonly missing = new Set<string>();

  /** Registers every font with pdfkit under its name. */
  register(doc: PDFKit.PDFDocument): void {
    for (const f of this.fonts.values()) doc.registerFont(f.name, f.data);
  }

  fontFor(cp: number, weight: Weight): string {
    const primary = FAMILY[weight].name;
    const key = `${weight}:${cp}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit ?? primary;
    let chosen: string | null = null;
    if (this.fonts.get(primary)?.cover.hasGlyphForCodePoint(cp)) chosen = primary;
    else {
      for (const f of FALLBACKS) {
        if (this.fonts.get(f.name)?.cover.hasGlyphForCodePoint(cp)) {
          chosen = f.name;
          break;
        }
      }
    }
    this.memo.set(key, chosen);
    return chosen ?? primary;
  }

  /** Splits text into runs that each use one font. */
  runs(text: string, weight: Weight): Run[] {
    const out: Run[] = [];
    const primary = FAMILY[weight].name;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 32;
      // Combining marks stay with their base character's font.
      const combining = cp >= 0x300 && cp <= 0x36f;
      let font = combining && out.length ? (out[out.length - 1] as Run).font : this.fontFor(cp, weight);
      if (!combining && !this.covers(font, cp) && !isIgnorable(cp)) {
        this.missing.add(ch);
        font = primary;
      }
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ font, text: ch });
    }
    return out;
  }

  private covers(font: string, cp: number): boolean {
    return this.fonts.get(font)?.cover.hasGlyphForCodePoint(cp) ?? false;
  }

  warnings(): string[] {
    if (!this.missing.size) return [];
    const list = [...this.missing].slice(0, 40).map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
    const one = this.missing.size === 1;
    return [`${this.missing.size} ${one ? 'character has' : 'characters have'} no glyph in the embedded fonts and ${one ? 'shows as a box' : 'show as boxes'}: ${list.join(', ')}`];
  }
}

function isIgnorable(cp: number): boolean {
  // Line breaks, tabs and zero-width joiners are layout, not glyphs.
  return cp < 0x20 || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff;
}
