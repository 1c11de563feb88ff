// The follow-up chapter's data, read from the store, in the report's
// language (the template's texts where it has them, the report's tables for
// the rest). Null for a full audit.
import type { Core } from '../../core';
import { auditDetail, getAudit } from '../../store/repos/audits';
import { loadTemplate } from '../../store/repos/templates';
import { followUpView } from '../../followup/audits';
import { localizeTemplate } from '../../../../shared/template/translations';
import { checkFindingDetail } from '../finding-text';
import { say } from '../messages';
import { reportLanguage, text } from '../strings';
import type { FollowUpReport } from './followup-data';

const STATUSES = ['open', 'in_progress', 'submitted', 'closed', 'not_closed'] as const;
const statusLabel = (s: string) => {
  const known = STATUSES.find((x) => x === s);
  return known ? text(`fu.st.${known}`) : s;
};

export function loadFollowUpReport(core: Core, auditId: string): FollowUpReport | null {
  const audit = getAudit(core.db, auditId);
  if (audit.kind !== 'follow_up') return null;
  const v = followUpView(core, auditId);
  const loaded = loadTemplate(core, audit.templateId);
  const template = localizeTemplate(loaded.template, reportLanguage());
  const sections = new Map(template.sections.map((s) => [s.id, s]));
  const items = new Map(template.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const sectionTitle = (id: string, fallback: string) => sections.get(id)?.title ?? fallback;
  const prompt = (id: string, fallback: string) => items.get(id)?.prompt ?? fallback;
  const color = (g: string | null) => template.rating?.grades.find((x) => x.grade === g)?.color ?? null;
  // The grading (shared/domain/followup-grade.ts) words its own caps in English; an
  // area's cap is always its key item, an overall cap without a message zero tolerance.
  const cap = (c: { grade: string; text?: Parameters<typeof say>[0] }, fallback: string) => text('fu.cap', { reason: c.text ? say(c.text) : fallback, grade: c.grade });
  const areas = v.grade?.areas ?? [];
  // A finding the app computed is said again in the report's language from the original audit's records.
  const orig = auditDetail(core, v.original.id);
  const hours = orig.responses.flatMap((r) => (r.value?.kind === 'hours' ? r.value.rows : []));
  const detailOf = (findingId: string, itemId: string) => {
    const f = orig.findings.find((x) => x.id === findingId);
    return f ? checkFindingDetail(f, items.get(itemId), orig.responses.find((r) => r.itemId === itemId), orig.site, hours) : null;
  };
  return {
    mode: v.mode,
    original: { id: v.original.id, revision: v.original.revision, startDate: v.original.startDate, endDate: v.original.endDate, contentHash: v.original.contentHash },
    gradeBefore: v.grade?.before ?? v.original.grade,
    gradeAfter: v.grade?.after ?? null,
    gradeColor: color(v.grade?.after ?? null),
    areas: areas.map((a) => ({ title: sectionTitle(a.sectionId, a.title), reaudited: a.reaudited, before: a.before, after: a.after, percentBefore: a.percentBefore, percentAfter: a.percentAfter })),
    caps: [
      ...(v.grade?.caps ?? []).map((c) => cap(c, text('fu.capZeroTolerance', { grade: c.grade }))),
      ...areas.flatMap((a) => a.caps.map((c) => text('fu.capArea', { area: sectionTitle(a.sectionId, a.title), reason: cap(c, text('fu.capKeyItem')) }))),
    ],
    rule: text('fu.rule'),
    findings: v.items.map((i, n) => ({
      ref: `F${n + 1}`, sectionTitle: sectionTitle(i.sectionId, i.sectionTitle), prompt: prompt(i.itemId, i.prompt), severity: i.severity, zeroTolerance: i.zeroTolerance,
      finding: [...new Set([detailOf(i.findingId, i.itemId) ?? (i.summary !== i.prompt ? i.summary : ''), i.note].filter(Boolean))].join('\n'),
      actions: i.actions.map((a) => ({
        action: a.action, owner: a.owner,
        due: a.collaborative ? text('due.collaborative', { date: a.reviewDate ?? '' }) : a.dueDate,
        status: text('fu.statusSince', { status: statusLabel(a.status), date: a.statusDate }),
        closureEvidence: a.evidence.map((e) => {
          const params = { name: e.name, source: text(`fu.src.${e.source}`), when: e.receivedAt, hash: e.sha256.slice(0, 16), description: e.description ?? '' };
          return text(e.description ? 'fu.evidenceLineDescribed' : 'fu.evidenceLine', params);
        }),
      })),
      verification: i.verification, verificationNote: i.verificationNote, evidence: i.evidence,
    })),
    newFindings: v.newFindings.map((f) => ({ sectionTitle: sectionTitle(f.sectionId, f.sectionId), prompt: prompt(f.itemId, f.prompt), severity: f.severity, zeroTolerance: f.zeroTolerance, note: f.note })),
  };
}
