// The cover's rating notes: the zero-tolerance alert (what, where, the duty
// to notify), what capped the grade, "How this audit was rated" and what
// critical, major and minor mean under the template.
import type { ReportData } from '../types';
import { COLORS, STYLE, type Writer } from '../layout/writer';

export function ratingNotes(w: Writer, d: ReportData): void {
  const s = d.score;
  const alerts = s.zeroToleranceAlerts ?? [];
  if (alerts.length) {
    const n = alerts.length;
    w.banner(`ZERO-TOLERANCE ALERT: ${n} finding${n === 1 ? '' : 's'}. ${s.zeroToleranceNotice ?? ''}`.trim(), COLORS.critical, { size: 10, weight: 'bold', color: '#ffffff' }, 9);
    for (const a of alerts) w.bullet(`${a.what} (${a.where})`, { ...STYLE.body, size: 9 });
    w.gap(2);
  } else if (s.zeroTolerance) {
    w.banner('ZERO-TOLERANCE ISSUE FOUND — the audit fails whatever the score. See the non-compliance table.', COLORS.critical, { size: 11, weight: 'bold', color: '#ffffff' }, 10);
  }
  if (s.caps?.length) w.paragraph(`The areas give ${s.areaGrade ?? '—'}; the grade is capped at ${s.band} because ${s.caps.join('; ')}.`, { ...STYLE.body, size: 9 });
  if (s.explanation) {
    w.heading('How this audit was rated', STYLE.h3, 40);
    w.paragraph(s.explanation, { ...STYLE.small, color: COLORS.ink });
  }
  if (s.severities) {
    const sev = s.severities;
    w.heading('Severity', STYLE.h3, 30);
    for (const [label, text] of [['Critical', sev.critical], ['Major', sev.major], ['Minor', sev.minor]] as const) {
      w.paragraph(`${label}: ${text}`, { ...STYLE.small, color: COLORS.ink }, { after: 2 });
    }
  }
}
