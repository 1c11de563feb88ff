// Drawing annotation shapes on a canvas, in the same 0..1 coordinates the
// core uses to draw them on the copy, so what is seen is what is saved.
import type { Shape } from '../../../shared/domain/evidence';

export type Tool = Shape['type'];

export const COLOR_HEX: Record<Shape['color'], string> = {
  red: '#e0201b', yellow: '#ffd400', blue: '#1e6fff', green: '#18a558', white: '#ffffff', black: '#000000',
};

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** The shape a drag from (x1, y1) to (x2, y2) makes with a tool; null when too small. */
export function shapeFromDrag(tool: Tool, color: Shape['color'], x1: number, y1: number, x2: number, y2: number, aspect: number, text: string): Shape | null {
  const [a, b, c, d] = [clamp(x1), clamp(y1), clamp(x2), clamp(y2)];
  switch (tool) {
    case 'arrow':
      return Math.hypot(c - a, d - b) < 0.01 ? null : { type: 'arrow', x1: a, y1: b, x2: c, y2: d, color };
    case 'rect': {
      const w = Math.abs(c - a);
      const h = Math.abs(d - b);
      return w < 0.005 || h < 0.005 ? null : { type: 'rect', x: Math.min(a, c), y: Math.min(b, d), w, h, color };
    }
    case 'circle': {
      // Radius as a share of the longer side, as the core draws it.
      const long = Math.max(aspect, 1);
      const r = Math.hypot((c - a) * aspect, d - b) / long;
      return r < 0.005 ? null : { type: 'circle', cx: a, cy: b, r: Math.min(1, r), color };
    }
    case 'text':
      return text.trim() ? { type: 'text', x: c, y: d, text: text.trim().slice(0, 200), color } : null;
  }
}

export function drawShapes(ctx: CanvasRenderingContext2D, shapes: readonly Shape[], w: number, h: number): void {
  ctx.clearRect(0, 0, w, h);
  const base = Math.max(w, h);
  const stroke = Math.max(2, base * 0.006);
  for (const s of shapes) {
    ctx.strokeStyle = COLOR_HEX[s.color];
    ctx.fillStyle = COLOR_HEX[s.color];
    ctx.lineWidth = stroke;
    ctx.lineCap = 'round';
    ctx.beginPath();
    if (s.type === 'rect') ctx.strokeRect(s.x * w, s.y * h, s.w * w, s.h * h);
    else if (s.type === 'circle') {
      ctx.arc(s.cx * w, s.cy * h, s.r * base, 0, Math.PI * 2);
      ctx.stroke();
    } else if (s.type === 'arrow') {
      const [x1, y1, x2, y2] = [s.x1 * w, s.y1 * h, s.x2 * w, s.y2 * h];
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
      const angle = Math.atan2(y2 - y1, x2 - x1);
      const head = stroke * 4.5;
      ctx.beginPath();
      ctx.moveTo(x2, y2);
      ctx.lineTo(x2 - head * Math.cos(angle + 0.45), y2 - head * Math.sin(angle + 0.45));
      ctx.lineTo(x2 - head * Math.cos(angle - 0.45), y2 - head * Math.sin(angle - 0.45));
      ctx.closePath();
      ctx.fill();
    } else {
      const font = Math.max(12, base * 0.035);
      ctx.font = `bold ${font}px "DejaVu Sans", Arial, sans-serif`;
      ctx.lineWidth = font / 14;
      ctx.strokeStyle = s.color === 'black' ? '#ffffff' : '#000000';
      ctx.strokeText(s.text, s.x * w, s.y * h);
      ctx.fillText(s.text, s.x * w, s.y * h);
    }
  }
}
