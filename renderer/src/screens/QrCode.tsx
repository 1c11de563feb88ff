// A QR code drawn as SVG from the qrcode package's module matrix: one path,
// dark modules only, a four-module quiet zone, crisp at any size.
import { useMemo } from 'react';
import QRCode from 'qrcode';

/** The SVG path of the dark modules ("M x y h1 v1 h-1 z" per module), offset by the quiet zone. */
export function qrPath(text: string, quiet = 4): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (modules.get(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  }
  return { size: n + quiet * 2, d };
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg className="qr" viewBox={`0 0 ${size} ${size}`} width="220" height="220" role="img" aria-label={label} shapeRendering="crispEdges" data-testid="enrolment-qr">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
