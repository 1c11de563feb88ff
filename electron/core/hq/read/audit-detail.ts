// hq.audit: one audit, read-only, as HQ verified it: the header, the
// verification status (chain, signer, signed PDFs), every record the bundle
// carried and the chain's signatures. Interview records at HQ are only what
// may leave the laptop (counts, themes, consented excerpts); private notes
// never reach HQ.
import type { Db } from '../../store/db';
import type { HqAuditDetail } from '../../../../shared/domain/hq';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';
import { signerState } from '../enrol';
import { hqAuditRow } from './audits';
import { today } from './filters';
import { builtInCatalogue, type TemplateCatalogue } from './templates';
import { sealOf, signaturesOf, versionOf } from './version';
import { cycleOf } from './action-status';

export function revisionsOf(db: Db, auditId: string): HqAuditDetail['revisions'] {
  const root = (db.prepare('SELECT root_id FROM hq_audit WHERE audit_id = ?').get(auditId) as { root_id: string } | undefined)?.root_id ?? auditId;
  return (db.prepare('SELECT audit_id, revision, status, finalized_at, band, percent FROM hq_audit WHERE root_id = ? ORDER BY revision, audit_id').all(root) as Array<Record<string, unknown>>)
    .map((r) => ({
      auditId: r.audit_id as string, revision: r.revision as number, status: r.status as HqAuditDetail['revisions'][number]['status'],
      finalizedAt: (r.finalized_at as string | null) ?? null, band: (r.band as string | null) ?? null, percent: (r.percent as number | null) ?? null,
    }));
}

export function getHqAudit(db: Db, ref: { auditId: string; headHash?: string }, opts: { asOf?: string; catalogue?: TemplateCatalogue } = {}): HqAuditDetail {
  const asOf = opts.asOf ?? today();
  const v = versionOf(db, ref.auditId, ref.headHash);
  const row = hqAuditRow(db, ref.auditId, asOf);
  if (!row) throw refusal('not_found', msg('hqRead.noAudit', { audit: ref.auditId }));
  const { doc, last } = v;
  const items = (opts.catalogue ?? builtInCatalogue()).items(doc.template.hash);
  const seal = sealOf(doc, last);
  const counts = { critical: 0, major: 0, minor: 0 };
  for (const f of doc.findings) if (f.severity) counts[f.severity]++;
  // What is still open now: an action closed after finalize (its action chain) is no longer open, nor overdue, in the header or on its row.
  const closedSince = new Set((db.prepare("SELECT action_id FROM hq_action_closure WHERE audit_id = ? AND status = 'closed'").all(ref.auditId) as Array<{ action_id: string }>).map((r) => r.action_id));
  const actions = doc.actions.map((a) => {
    const open = a.status !== 'closed' && !closedSince.has(a.id);
    return {
      id: a.id, findingId: a.findingId, action: a.action, owner: a.owner, dueDate: a.dueDate, status: a.status, verification: a.verification,
      rootCause: a.rootCause ?? '', preventiveAction: a.preventiveAction ?? '', timescale: a.timescale ?? '', verificationMethod: a.verificationMethod ?? '',
      siteAcceptance: a.siteAcceptance ?? 'pending', collaborative: a.collaborative ?? false, reviewDate: a.reviewDate ?? '',
      // A collaborative action has no closing date (a progress review date instead): never overdue.
      overdue: open && a.dueDate !== '' && a.dueDate < asOf,
    };
  });
  const stillOpen = actions.filter((a) => a.status !== 'closed' && !closedSince.has(a.id));
  const signer = db.prepare('SELECT auditor_id, name FROM auditors WHERE fingerprint = ?').get(v.signer) as { auditor_id: string; name: string } | undefined;
  const storedPhoto = db.prepare('SELECT 1 FROM photos WHERE sha256 = ?');
  const report = db.prepare('SELECT audit_id FROM reports WHERE sha256 = ?');
  const heads = db.prepare(`SELECT v.head_hash, v.event_count, v.bundle_id FROM audit_versions v WHERE v.audit_id = ?
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.audit_id = v.audit_id AND e.prev_hash = v.head_hash)
    ORDER BY v.event_count DESC, v.head_hash`).all(ref.auditId) as Array<{ head_hash: string; event_count: number; bundle_id: string }>;
  const currentHead = (db.prepare('SELECT current_head FROM audits WHERE audit_id = ?').get(ref.auditId) as { current_head: string }).current_head;

  return {
    header: {
      ...row,
      // The version shown: the current one, or the head asked for.
      status: doc.audit.status, finalizedAt: doc.audit.finalizedAt, percent: seal.percent, band: seal.band,
      findings: counts, zeroTolerance: doc.findings.filter((f) => f.zeroTolerance).length,
      openActions: stillOpen.length, overdueActions: stillOpen.filter((a) => a.overdue).length,
      scope: doc.audit.scope, team: doc.audit.team, leadAuditor: doc.audit.leadAuditor, contentHash: doc.audit.contentHash,
      template: { ...doc.template, known: items !== null },
      site: { address: doc.site.address, headcount: doc.site.headcount, currency: doc.site.currency, ...(doc.site.timeZone ? { timeZone: doc.site.timeZone } : {}) },
    },
    verification: {
      // A version is stored only after every hash and link was recomputed and its records agreed with the chain.
      chain: { verified: true, events: v.eventCount, headHash: v.headHash },
      signer: { fingerprint: v.signer, auditorId: signer?.auditor_id ?? '', name: signer?.name ?? '', state: signerState(db, v.signer) },
      bundleId: v.bundleId,
      reports: doc.reports.map((r) => {
        const stored = report.get(r.sha256) as { audit_id: string | null } | undefined;
        return { sha256: r.sha256, name: r.name, size: r.size, stored: !!stored, verified: stored?.audit_id === ref.auditId };
      }),
    },
    heads: heads.map((h) => ({ headHash: h.head_hash, eventCount: h.event_count, bundleId: h.bundle_id, current: h.head_hash === currentHead })),
    answers: doc.responses.map((r) => {
      const info = items?.get(r.itemId);
      return {
        itemId: r.itemId, sectionId: info?.sectionId ?? null, prompt: info?.prompt ?? null, clause: info?.clause ?? null, value: r.value,
        answer: r.value?.kind === 'compliance' ? r.value.answer : null, severity: r.severity, zeroTolerance: r.zeroTolerance, note: r.note, updatedAt: r.updatedAt,
      };
    }),
    findings: doc.findings.map((f) => ({
      id: f.id, itemId: f.itemId, sectionId: f.sectionId, prompt: items?.get(f.itemId)?.prompt ?? null, clause: items?.get(f.itemId)?.clause ?? null,
      severity: f.severity, zeroTolerance: f.zeroTolerance, source: f.source, summary: f.summary, note: f.note,
    })),
    actions,
    notes: doc.notes.map((n) => ({ id: n.id, scope: n.scope, ref: n.ref, body: n.body, updatedAt: n.updatedAt })),
    photos: doc.photos.map((p) => ({
      id: p.id, sha256: p.sha256, annotatedSha256: p.annotatedSha256, target: p.target, itemId: p.itemId, caption: p.caption, capturedAt: p.capturedAt,
      width: p.width, height: p.height, stored: !!storedPhoto.get(p.sha256),
    })),
    documents: doc.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, notes: d.notes, itemIds: d.itemIds })),
    interviews: doc.interviews,
    signatures: signaturesOf(last),
    revisions: revisionsOf(db, ref.auditId),
    cycle: cycleOf(db, ref.auditId),
  };
}
