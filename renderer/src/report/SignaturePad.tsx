// A drawn signature: pointer strokes (pen, finger or mouse) on a canvas,
// handed over as PNG base64. Empty until something is drawn.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTH = 420;
const HEIGHT = 140;

export interface SignaturePadHandle {
  pngBase64(): string | null;
  clear(): void;
}

export function SignaturePad({ label, onReady, disabled }: { label: string; onReady(h: SignaturePadHandle): void; disabled?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const { t } = useTranslation('report');
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    onReady({
      pngBase64: () => (drawn && canvas.current ? canvas.current.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') : null),
      clear: () => {
        canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
        setDrawn(false);
      },
    });
  }, [drawn, onReady]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * WIDTH, y: ((e.clientY - r.top) / r.height) * HEIGHT };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.strokeStyle = '#0d2a6b';
    ctx.lineWidth = 2.6;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    if (!drawn) setDrawn(true);
  };
  const up = () => { drawing.current = false; };

  return (
    <canvas
      ref={canvas}
      className="signature-pad"
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={t(drawn ? 'sign.padSigned' : 'sign.pad', { label })}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerLeave={up}
    />
  );
}
