// Text contrast of an element as it is drawn now (hovered, focused,
// selected, disabled): its text colour and the background behind it, with
// every opacity on the way blended in, by the WCAG 2 formula.
import type { Locator } from '@playwright/test';

export async function contrastOf(el: Locator): Promise<{ ratio: number; fg: string; bg: string }> {
  return el.evaluate((node) => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const ch = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
      return [ch(0), ch(1), ch(2), a];
    };
    // Backgrounds from the page down to the element, each faded by its element's opacity.
    const chain: Element[] = [];
    for (let e: Element | null = node as Element; e; e = e.parentElement) chain.unshift(e);
    let bg: RGBA = [255, 255, 255, 1];
    let opacity = 1;
    for (const e of chain) {
      const s = getComputedStyle(e);
      const o = Number(s.opacity);
      const layer = parse(s.backgroundColor);
      // An element with opacity o shows its own paint at o over what is behind it.
      const own = over(layer, [0, 0, 0, 0]);
      if (o < 1) { opacity *= o; }
      bg = own[3] > 0 ? over([own[0], own[1], own[2], own[3] * opacity], bg) : bg;
    }
    const fgRaw = parse(getComputedStyle(node as Element).color);
    const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacity], bg);
    const lum = (c: RGBA) => {
      const f = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
    const hex = (c: RGBA) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    return { ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100, fg: hex(fg), bg: hex(bg) };
  });
}
