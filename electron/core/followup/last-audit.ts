// The last audit in view: when a site has earlier audits, the newest
// finalized full audit of it (its newest revision) is shown beside a new
// one, item by item: the answer, the severity and each action's status
// now, so the auditor checks the right things first.
import type { Core } from '../core';
import type { Db } from '../store/db';
import { stmt } from '../store/stmt';
import { auditDetail, getAudit } from '../store/repos/audits';
import { scoreOf } from '../store/repos/lifecycle';
import { loadTemplate } from '../store/repos/templates';
import { itemOutcome } from '../../../shared/scoring';
import type { Audit } from '../../../shared/domain/audit';
import type { LastAudit, LastAuditItem } from '../../../shared/domain/followup';
import { trackOf } from './tracks';

/** The audits of this audit's own revision chain, which are the same audit, not an earlier one. */
function revisionChain(db: Db, audit: Audit): string[] {
  const ids = [audit.id];
  for (let p = audit.previousId; p; p = getAudit(db, p).previousId) ids.push(p);
  return ids;
}

export function previousAuditOf(db: Db, audit: Audit): Audit | null {
  const own = revisionChain(db, audit);
  const row = stmt(db, `SELECT a.id FROM audits a WHERE a.site_id = ? AND a.status = 'finalized' AND a.kind = 'full' AND a.start_date <= ?
      AND a.id NOT IN (SELECT value FROM json_each(?))
      AND NOT EXISTS (SELECT 1 FROM audits n WHERE n.previous_id = a.id)
    ORDER BY a.end_date DESC, a.finalized_at DESC LIMIT 1`).get(audit.siteId, audit.startDate, JSON.stringify(own)) as { id: string } | undefined;
  return row ? getAudit(db, row.id) : null;
}

const QUIET = new Set(['compliant', 'not_applicable', 'unanswered']);

export function lastAuditFor(core: Core, auditId: string): LastAudit | null {
  const audit = getAudit(core.db, auditId);
  const prev = previousAuditOf(core.db, audit);
  if (!prev) return null;
  const d = auditDetail(core, prev.id);
  const t = loadTemplate(core, prev.templateId);
  const context = { hours: d.responses.flatMap((r) => (r.value?.kind === 'hours' ? r.value.rows : [])) };
  const items: LastAuditItem[] = [];
  const quiet: LastAudit['quiet'] = [];
  let others = 0;
  for (const r of d.responses) {
    const entry = t.items.get(r.itemId);
    if (!entry) continue;
    const answer = itemOutcome(entry.item, r, d.site, context);
    const f = d.findings.find((x) => x.itemId === r.itemId);
    if (!f && QUIET.has(answer)) {
      if (answer !== 'unanswered') {
        others++;
        quiet.push({ itemId: r.itemId, answer });
      }
      continue;
    }
    items.push({
      itemId: r.itemId, sectionTitle: entry.section.title, prompt: entry.item.prompt, answer, severity: f?.severity ?? null, zeroTolerance: f?.zeroTolerance ?? false,
      note: f?.note ?? r.note,
      actions: f ? d.actions.filter((a) => a.findingId === f.id).map((a) => ({ action: a.action, status: trackOf(core.db, a, prev.finalizedAt).status })) : [],
    });
  }
  const rank = (i: LastAuditItem) => (i.severity ? ['critical', 'major', 'minor'].indexOf(i.severity) : i.answer === 'non_compliant' ? 3 : 4);
  items.sort((a, b) => rank(a) - rank(b));
  const band = scoreOf(core, prev.id).band.band;
  return { id: prev.id, revision: prev.revision, startDate: prev.startDate, endDate: prev.endDate, grade: band === '–' ? null : band, items, others, quiet };
}

/** The sentence the report's method section gives about the previous audit, or null. */
export function previousAuditSentence(core: Core, auditId: string): string | null {
  const audit = getAudit(core.db, auditId);
  if (audit.kind === 'follow_up') return null;
  const prev = previousAuditOf(core.db, audit);
  if (!prev) return null;
  const band = scoreOf(core, prev.id).band.band;
  const open = stmt(core.db, 'SELECT count(*) AS n FROM findings WHERE audit_id = ?').get(prev.id) as { n: number };
  return `The previous audit of this site was audit ${prev.id} (revision ${prev.revision}, ${prev.startDate} to ${prev.endDate}, grade ${band}, `
    + `${open.n} finding${open.n === 1 ? '' : 's'}). Its findings and the status of their corrective actions were reviewed first in this audit.`;
}
