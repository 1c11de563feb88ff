// The cover's rating notes: the zero-tolerance alert (what, where, the duty
// to notify), what capped the grade, "How this audit was rated" and what
// critical, major and minor mean under the template.
import type { ReportData } from '../types';
import { COLORS, STYLE, type Writer } from '../layout/writer';
import { text } from '../strings';

export function ratingNotes(w: Writer, d: ReportData): void {
  const s = d.score;
  const alerts = s.zeroToleranceAlerts ?? [];
  if (alerts.length) {
    const n = alerts.length;
    w.banner(text(n === 1 ? 'notes.ztAlertOne' : 'notes.ztAlertMany', { n, notice: s.zeroToleranceNotice ?? '' }).trim(), COLORS.critical, { size: 10, weight: 'bold', color: '#ffffff' }, 9);
    for (const a of alerts) w.bullet(`${a.what} (${a.where})`, { ...STYLE.body, size: 9 });
    w.gap(2);
  } else if (s.zeroTolerance) {
    w.banner(text('notes.ztIssue'), COLORS.critical, { size: 11, weight: 'bold', color: '#ffffff' }, 10);
  }
  if (s.caps?.length) w.paragraph(text('notes.capped', { area: s.areaGrade ?? '—', band: s.band, reasons: s.caps.join('; ') }), { ...STYLE.body, size: 9 });
  if (s.explanation) {
    w.heading(text('notes.how'), STYLE.h3, 40);
    w.paragraph(s.explanation, { ...STYLE.small, color: COLORS.ink });
  }
  if (s.severities) {
    const sev = s.severities;
    w.heading(text('notes.severity'), STYLE.h3, 30);
    for (const k of ['critical', 'major', 'minor'] as const) {
      w.paragraph(text('notes.severityLine', { label: text(`sev.${k}`), text: sev[k] }), { ...STYLE.small, color: COLORS.ink }, { after: 2 });
    }
  }
}
