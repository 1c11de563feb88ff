// Annotation shapes as an SVG the size of the upright picture, for sharp to
// lay over a copy. Sizes scale with the picture so marks read the same on a
// phone snapshot and a 12-megapixel frame.
import type { Shape } from '../../../shared/domain/evidence';

const HEX: Record<Shape['color'], string> = {
  red: '#e0201b', yellow: '#ffd400', blue: '#1e6fff', green: '#18a558', white: '#ffffff', black: '#000000',
};

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (v: number): string => (Math.round(v * 10) / 10).toString();

function arrow(s: Extract<Shape, { type: 'arrow' }>, w: number, h: number, stroke: number): string {
  const [x1, y1, x2, y2] = [s.x1 * w, s.y1 * h, s.x2 * w, s.y2 * h];
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = stroke * 4.5;
  const p = (a: number) => `${n(x2 - head * Math.cos(angle + a))},${n(y2 - head * Math.sin(angle + a))}`;
  const c = HEX[s.color];
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${c}" stroke-width="${n(stroke)}" stroke-linecap="round"/>`
    + `<polygon points="${n(x2)},${n(y2)} ${p(0.45)} ${p(-0.45)}" fill="${c}"/>`;
}

export function overlaySvg(shapes: readonly Shape[], w: number, h: number): string {
  const base = Math.max(w, h);
  const stroke = Math.max(2, base * 0.006);
  const font = Math.max(12, base * 0.035);
  const parts = shapes.map((s) => {
    const c = HEX[s.color];
    switch (s.type) {
      case 'arrow':
        return arrow(s, w, h, stroke);
      case 'circle':
        return `<circle cx="${n(s.cx * w)}" cy="${n(s.cy * h)}" r="${n(s.r * base)}" fill="none" stroke="${c}" stroke-width="${n(stroke)}"/>`;
      case 'rect':
        return `<rect x="${n(s.x * w)}" y="${n(s.y * h)}" width="${n(s.w * w)}" height="${n(s.h * h)}" fill="none" stroke="${c}" stroke-width="${n(stroke)}"/>`;
      case 'text': {
        const halo = s.color === 'black' ? '#ffffff' : '#000000';
        return `<text x="${n(s.x * w)}" y="${n(s.y * h)}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${n(font)}" font-weight="bold" fill="${c}" stroke="${halo}" stroke-width="${n(font / 14)}" paint-order="stroke">${esc(s.text)}</text>`;
      }
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${parts.join('')}</svg>`;
}
