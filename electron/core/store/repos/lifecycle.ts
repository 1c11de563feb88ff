// Scoring, finalizing and reopening. A finalized audit is never changed
// again: reopening copies its content into a new revision.
import { stmt } from '../stmt';
import type { Core } from '../../core';
import type { Audit } from '../../../../shared/domain/audit';
import type { ScoreResult } from '../../../../shared/domain/score';
import { scoreAudit } from '../../../../shared/scoring';
import { uuidv7 } from '../../../../shared/ids';
import { canonicalJson } from '../../../../shared/canonical-json';
import { msg } from '../../../../shared/messages';
import { refusal } from '../../../../shared/core-messages';
import { sha256Hex } from '../../sha256';
import { auditDetail, getAudit, LOCKED_MESSAGE } from './audits';
import { record } from './record';
import { copyEvidence, evidenceForHash } from './reopen-evidence';
import { nowIso } from '../clock';
import { loadTemplate } from './templates';
import { copyAuditProfile, listAcknowledgements } from './audit-profile';
import { requireConsistent } from '../../report/consistency-load';
import { write } from '../write';

export function evidenceCounts(core: Core, auditId: string): Record<string, number> {
  const rows = stmt(core.db, "SELECT ref, count(*) AS n FROM photos WHERE audit_id = ? AND scope = 'item' GROUP BY ref").all(auditId) as Array<{ ref: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.ref, r.n]));
}

export function scoreOf(core: Core, auditId: string): ScoreResult {
  const d = auditDetail(core, auditId);
  const t = loadTemplate(core, d.audit.templateId);
  return scoreAudit(t.template, d.responses, d.site, undefined, evidenceCounts(core, auditId));
}

/**
 * SHA-256 over the canonical JSON of what the audit says: the audit fields,
 * the template's hash, the site, and every response, finding, action and
 * note, and the evidence: photo records with their file hashes, documents
 * and interviews (timestamps of edits left out: they are in the event log).
 */
export function auditContentHash(core: Core, auditId: string): string {
  const d = auditDetail(core, auditId);
  const { id, siteId, templateId, revision, previousId, type, startDate, endDate, team, scope, leadAuditor } = d.audit;
  return sha256Hex(canonicalJson({
    audit: { id, siteId, templateId, revision, previousId, type, startDate, endDate, team, scope, leadAuditor },
    templateHash: loadTemplate(core, templateId).info.hash,
    site: { ...d.site, createdAt: undefined, updatedAt: undefined },
    responses: d.responses.map((r) => ({ ...r, updatedAt: undefined })),
    findings: d.findings.map((f) => ({ ...f, createdAt: undefined, updatedAt: undefined })),
    // Collaborative fields enter only when set: hashes sealed before they existed stay reproducible.
    actions: d.actions.map((a) => ({ ...a, createdAt: undefined, updatedAt: undefined, collaborative: a.collaborative || undefined, reviewDate: a.reviewDate || undefined })),
    notes: d.notes.map((n) => ({ ...n, createdAt: undefined, updatedAt: undefined })),
    evidence: evidenceForHash(core.db, auditId),
    profile: stmt(core.db, 'SELECT site, declaration FROM audit_profiles WHERE audit_id = ?').get(auditId) ?? null,
    acknowledged: listAcknowledgements(core.db, auditId).map((a) => ({ key: a.key, note: a.note })),
  }));
}

export function finalizeAudit(core: Core, auditId: string): Audit {
  return write(core, () => {
    const audit = getAudit(core.db, auditId);
    if (audit.status === 'finalized') throw refusal('locked', LOCKED_MESSAGE);
    const score = scoreOf(core, auditId);
    if (score.blockers.length) {
      throw refusal('not_ready', msg('finalize.blockers', { count: score.blockers.length }), undefined, score.blockers);
    }
    requireConsistent(core, auditId);
    const hash = auditContentHash(core, auditId);
    const now = nowIso();
    stmt(core.db, "UPDATE audits SET status = 'finalized', finalized_at = ?, content_hash = ?, updated_at = ? WHERE id = ?").run(now, hash, now, auditId);
    const next = getAudit(core.db, auditId);
    record(core, auditId, 'audit', auditId, 'finalize', { status: audit.status }, { status: 'finalized', contentHash: hash, percent: score.percent, band: score.band.band });
    return next;
  });
}

export function reopenAudit(core: Core, auditId: string): Audit {
  const db = core.db;
  return write(core, () => {
    const old = getAudit(db, auditId);
    if (old.status !== 'finalized') throw refusal('conflict', msg('audit.reopenEditable'));
    const later = stmt(db, 'SELECT revision FROM audits WHERE previous_id = ?').get(auditId) as { revision: number } | undefined;
    if (later) throw refusal('conflict', msg('audit.reopenedAlready', { revision: later.revision }));
    const id = uuidv7();
    const now = nowIso();
    const answered = (stmt(db, 'SELECT count(*) AS n FROM responses WHERE audit_id = ?').get(auditId) as { n: number }).n;
    stmt(db, `INSERT INTO audits (id, site_id, template_id, revision, previous_id, status, type, start_date, end_date, team, scope, lead_auditor, created_at, updated_at)
      SELECT ?, site_id, template_id, revision + 1, id, ?, type, start_date, end_date, team, scope, lead_auditor, ?, ? FROM audits WHERE id = ?`)
      .run(id, answered ? 'in_progress' : 'draft', now, now, auditId);
    stmt(db, `INSERT INTO responses (id, audit_id, item_id, value, note, severity, zero_tolerance, updated_at, updated_by)
      SELECT uuid7(), ?, item_id, value, note, severity, zero_tolerance, updated_at, updated_by FROM responses WHERE audit_id = ? ORDER BY item_id`).run(id, auditId);
    // Findings get new ids; actions follow their finding through the item id.
    stmt(db, `INSERT INTO findings (id, audit_id, item_id, section_id, severity, zero_tolerance, source, summary, note, created_at, updated_at)
      SELECT uuid7(), ?, item_id, section_id, severity, zero_tolerance, source, summary, note, created_at, updated_at FROM findings WHERE audit_id = ? ORDER BY id`).run(id, auditId);
    stmt(db, `INSERT INTO corrective_actions (id, audit_id, finding_id, action, owner, due_date, status, verification, objective_evidence, root_cause,
        preventive_action, timescale, verification_method, site_comments, site_acceptance, collaborative, review_date, created_at, updated_at)
      SELECT uuid7(), ?, nf.id, a.action, a.owner, a.due_date, a.status, a.verification, a.objective_evidence, a.root_cause,
        a.preventive_action, a.timescale, a.verification_method, a.site_comments, a.site_acceptance, a.collaborative, a.review_date, a.created_at, a.updated_at
      FROM corrective_actions a JOIN findings f ON f.id = a.finding_id JOIN findings nf ON nf.audit_id = ? AND nf.item_id = f.item_id
      WHERE a.audit_id = ? ORDER BY a.id`).run(id, id, auditId);
    stmt(db, `INSERT INTO notes (id, audit_id, scope, ref, body, created_at, updated_at)
      SELECT uuid7(), ?, scope, ref, body, created_at, updated_at FROM notes WHERE audit_id = ? ORDER BY id`).run(id, auditId);
    const evidence = copyEvidence(db, auditId, id);
    copyAuditProfile(db, auditId, id);
    const audit = getAudit(db, id);
    record(core, id, 'audit', id, 'reopen', null, { ...audit, reopenedFrom: auditId, reopenedFromHash: old.contentHash, copied: { responses: answered, ...evidence } });
    return audit;
  });
}
