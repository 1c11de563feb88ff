// The follow-up chapter's data, read from the store. Null for a full audit.
import type { Core } from '../../core';
import { getAudit } from '../../store/repos/audits';
import { loadTemplate } from '../../store/repos/templates';
import { followUpView } from '../../followup/audits';
import type { FollowUpReport } from './followup-data';

const STATUS: Record<string, string> = { open: 'Open', in_progress: 'In progress', submitted: 'Submitted for verification', closed: 'Closed', not_closed: 'Not closed' };
const SOURCE: Record<string, string> = { site_sent: 'sent by the site', on_site: 'taken on site' };

export const FOLLOW_UP_RULE = 'Re-graded by the checklist’s rating scheme under amfori BSCI’s follow-up rule: only the areas that needed improvement '
  + '(here: the sections holding a verified or new finding) are re-audited and re-graded; the other areas keep the grade of the full audit. '
  + 'In a re-audited area a closed finding counts as met, a partially closed one as half met (Fairsite’s choice: amfori does not publish the value of a '
  + '"partially" answer), a finding not closed as still not met. The overall grade follows from the area grades, capped by what is still open '
  + '(amfori BSCI FAQ on full and follow-up audits, quoted at https://www.52by.com/article/192306).';

export function loadFollowUpReport(core: Core, auditId: string): FollowUpReport | null {
  const audit = getAudit(core.db, auditId);
  if (audit.kind !== 'follow_up') return null;
  const v = followUpView(core, auditId);
  const t = loadTemplate(core, audit.templateId);
  const color = (g: string | null) => t.template.rating?.grades.find((x) => x.grade === g)?.color ?? null;
  return {
    mode: v.mode,
    original: { id: v.original.id, revision: v.original.revision, startDate: v.original.startDate, endDate: v.original.endDate, contentHash: v.original.contentHash },
    gradeBefore: v.grade?.before ?? v.original.grade,
    gradeAfter: v.grade?.after ?? null,
    gradeColor: color(v.grade?.after ?? null),
    areas: (v.grade?.areas ?? []).map((a) => ({ title: a.title, reaudited: a.reaudited, before: a.before, after: a.after, percentBefore: a.percentBefore, percentAfter: a.percentAfter })),
    caps: [...(v.grade?.caps ?? []), ...(v.grade?.areas ?? []).flatMap((a) => a.caps.map((c) => ({ ...c, reason: `${a.title}: ${c.reason}` })))].map((c) => `${c.reason} (at best ${c.grade})`),
    rule: FOLLOW_UP_RULE,
    findings: v.items.map((i, n) => ({
      ref: `F${n + 1}`, sectionTitle: i.sectionTitle, prompt: i.prompt, severity: i.severity, zeroTolerance: i.zeroTolerance,
      finding: [...new Set([i.summary !== i.prompt ? i.summary : '', i.note].filter(Boolean))].join('\n'),
      actions: i.actions.map((a) => ({
        action: a.action, owner: a.owner,
        due: a.collaborative ? `none: collaborative action required, progress review ${a.reviewDate}` : a.dueDate,
        status: `${STATUS[a.status] ?? a.status} since ${a.statusDate}`,
        closureEvidence: a.evidence.map((e) => `${e.name} (${SOURCE[e.source]}, received ${e.receivedAt}; SHA-256 ${e.sha256.slice(0, 16)}…)${e.description ? `: ${e.description}` : ''}`),
      })),
      verification: i.verification, verificationNote: i.verificationNote, evidence: i.evidence,
    })),
    newFindings: v.newFindings.map((f) => ({ sectionTitle: t.items.get(f.itemId)?.section.title ?? f.sectionId, prompt: f.prompt, severity: f.severity, zeroTolerance: f.zeroTolerance, note: f.note })),
  };
}
