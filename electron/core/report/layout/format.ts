// Small formatting rules shared by the report's pages.
import type { Severity } from '../../../../shared/template/schema';
import type { TextStyle } from './pen';
import { COLORS, type Writer } from './writer';
import { text } from '../strings';
import type { AUDIT_TYPES } from '../../../../shared/domain/audit';

export function severityColor(s: Severity | null): string {
  if (s === 'critical') return COLORS.critical;
  if (s === 'major') return COLORS.major;
  if (s === 'minor') return COLORS.minor;
  return COLORS.muted;
}

export function severityLabel(s: Severity | null, zeroTolerance = false): string {
  const base = text(s ? `sev.${s}` : 'sev.none');
  return zeroTolerance ? text('sev.withZt', { label: base }) : base;
}

export function percent(p: number | null): string {
  return p === null ? text('pct.none') : `${Math.round(p)} %`;
}

/** "2026-11-29T10:32:00.000Z" → "2026-11-29 10:32 UTC"; other strings unchanged. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

export function auditType(t: (typeof AUDIT_TYPES)[number]): string {
  return text(`type.${t}`);
}

/** A coloured label with white text, e.g. an answer or a severity. Returns its width. */
export function pill(w: Writer, text: string, x: number, y: number, fill: string, size = 7.5): number {
  const style: TextStyle = { size, weight: 'bold', color: '#ffffff', leading: 1.5 };
  const line = w.pen.wrap(text, style, 10_000)[0];
  if (!line) return 0;
  const width = line.width + 10;
  w.tags.artifact(() => w.doc.save().roundedRect(x, y, width, w.pen.lineHeight(style), 3).fill(fill).restore());
  w.pen.drawLine(line, x + 5, y, style);
  return width;
}

/** Width a pill will take, to right-align it. */
export function pillWidth(w: Writer, text: string, size = 7.5): number {
  return w.pen.width(text, { size, weight: 'bold' }) + 10;
}
