// The read model's writer. Each audit HQ holds is projected from its current
// version (the head merge.ts chose): the version's chain is folded with the
// same fold the import's records check uses, and the document's records,
// which that check has just found equal to the fold (records copied by a
// reopen, which have no events of their own, excepted), are written into the
// hq_* tables. What only the chain holds comes from the fold itself: the
// finalize seal (percent and band) and the signatures. Runs inside the
// import's transaction; projecting again replaces the audit's rows, so a
// re-import, a held bundle released later or bundles in another order end in
// the same rows.
import type { Db } from '../../store/db';
import { stmt } from '../../store/stmt';
import { chainOf, fold } from '../records-check';
import { builtInCatalogue, type TemplateCatalogue } from './templates';
import { sealOf, signaturesOf, type StoredDoc } from './version';
import { projectFacts, supersedeFacts } from './facts';
import { leadsBefore } from './lead-action';

interface VersionRow { head_hash: string; event_count: number; bundle_id: string; fingerprint: string; doc: string; heads: number; conflict: number }

const TABLES = ['hq_audit_client', 'hq_answer', 'hq_finding', 'hq_action', 'hq_signature'] as const;

/** `facts`: false only while migration 3 runs on an older HQ (hq_fact comes with migration 4, which fills it itself). */
export function projectAudit(db: Db, auditId: string, now: string, catalogue: TemplateCatalogue = builtInCatalogue(), facts = true): void {
  const v = stmt(db, `SELECT v.head_hash, v.event_count, v.bundle_id, v.fingerprint, v.doc, a.heads, a.conflict
    FROM audits a JOIN audit_versions v ON v.audit_id = a.audit_id AND v.head_hash = a.current_head WHERE a.audit_id = ?`).get(auditId) as VersionRow | undefined;
  if (!v) return;
  const doc = JSON.parse(v.doc) as StoredDoc;
  const last = fold(chainOf(db, auditId, v.head_hash));
  const items = catalogue.items(doc.template.hash);
  for (const t of TABLES) stmt(db, `DELETE FROM ${t} WHERE audit_id = ?`).run(auditId);

  const counts = { critical: 0, major: 0, minor: 0, zeroTolerance: 0 };
  const open = { critical: 0, major: 0, minor: 0, zeroTolerance: 0 };
  // Per finding: whether every action is closed, and its open action due first (leadsBefore: a collaborative one only when no other is open).
  const closed = new Map<string, boolean>();
  const first = new Map<string, { id: string; due: string }>();
  for (const a of doc.actions) {
    closed.set(a.findingId, (closed.get(a.findingId) ?? true) && a.status === 'closed');
    const f = first.get(a.findingId);
    if (a.status !== 'closed' && (!f || leadsBefore({ id: a.id, due: a.dueDate }, f))) first.set(a.findingId, { id: a.id, due: a.dueDate });
  }
  const insFinding = stmt(db, `INSERT INTO hq_finding (audit_id, finding_id, item_id, section_id, severity, zero_tolerance, source, summary, note, prompt, clause,
      is_open, action_id, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const f of doc.findings) {
    const isOpen = closed.get(f.id) !== true;
    if (f.severity) counts[f.severity]++;
    if (f.zeroTolerance) counts.zeroTolerance++;
    if (isOpen && f.severity) open[f.severity]++;
    if (isOpen && f.zeroTolerance) open.zeroTolerance++;
    const info = items?.get(f.itemId);
    const act = first.get(f.id);
    insFinding.run(auditId, f.id, f.itemId, f.sectionId, f.severity, f.zeroTolerance ? 1 : 0, f.source, f.summary, f.note, info?.prompt ?? null, info?.clause ?? null,
      isOpen ? 1 : 0, act?.id ?? null, act?.due ?? null);
  }
  const insAnswer = stmt(db, 'INSERT INTO hq_answer (audit_id, item_id, answer, severity, zero_tolerance, value, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of doc.responses) {
    const answer = r.value?.kind === 'compliance' ? r.value.answer : null;
    insAnswer.run(auditId, r.itemId, answer, r.severity, r.zeroTolerance ? 1 : 0, r.value ? JSON.stringify(r.value) : null, r.note, r.updatedAt);
  }
  let openActions = 0;
  const insAction = stmt(db, `INSERT INTO hq_action (audit_id, action_id, finding_id, action, owner, due_date, status, verification, root_cause, preventive_action,
      timescale, verification_method, site_acceptance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const a of doc.actions) {
    if (a.status !== 'closed') openActions++;
    insAction.run(auditId, a.id, a.findingId, a.action, a.owner, a.dueDate, a.status, a.verification, a.rootCause ?? '', a.preventiveAction ?? '',
      a.timescale ?? '', a.verificationMethod ?? '', a.siteAcceptance ?? 'pending');
  }
  const insSignature = stmt(db, 'INSERT INTO hq_signature (audit_id, role, name, title, has_authority, signed_at, png_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const g of signaturesOf(last)) insSignature.run(auditId, g.role, g.name, g.title, g.hasAuthority ? 1 : 0, g.signedAt, g.pngSha256);
  const insClient = stmt(db, 'INSERT INTO hq_audit_client (audit_id, client) VALUES (?, ?) ON CONFLICT DO NOTHING');
  for (const c of doc.site.clients) insClient.run(auditId, c);

  // Revisions share the id of the first one HQ knows; a revision arriving before its predecessor is re-rooted when that one comes.
  const prev = doc.audit.previousId;
  const root = prev ? ((stmt(db, 'SELECT root_id FROM hq_audit WHERE audit_id = ?').get(prev) as { root_id: string } | undefined)?.root_id ?? prev) : auditId;
  const superseded = stmt(db, 'SELECT 1 FROM hq_audit WHERE previous_id = ?').get(auditId) ? 1 : 0;
  const { percent, band } = sealOf(doc, last);
  const a = doc.audit;
  stmt(db, `INSERT INTO hq_audit (audit_id, head_hash, event_count, bundle_id, signer_fingerprint, revision, previous_id, root_id, superseded, status, audit_type,
      site_id, site_name, country, clients, template_id, template_key, template_version, template_name, template_hash, start_date, end_date, finalized_at,
      content_hash, percent, band, lead_auditor, critical, major, minor, zero_tolerance, open_critical, open_major, open_minor, open_zero_tolerance,
      open_actions, heads, conflict, projected_at)
    VALUES (@id, @head, @events, @bundle, @signer, @revision, @prev, @root, @superseded, @status, @type, @siteId, @siteName, @country, @clients,
      @templateId, @templateKey, @templateVersion, @templateName, @templateHash, @start, @end, @finalizedAt, @contentHash, @percent, @band, @lead,
      @critical, @major, @minor, @zt, @openCritical, @openMajor, @openMinor, @openZt, @open, @heads, @conflict, @now)
    ON CONFLICT (audit_id) DO UPDATE SET head_hash = excluded.head_hash, event_count = excluded.event_count, bundle_id = excluded.bundle_id,
      signer_fingerprint = excluded.signer_fingerprint, revision = excluded.revision, previous_id = excluded.previous_id, root_id = excluded.root_id,
      superseded = excluded.superseded, status = excluded.status, audit_type = excluded.audit_type, site_id = excluded.site_id, site_name = excluded.site_name,
      country = excluded.country, clients = excluded.clients, template_id = excluded.template_id, template_key = excluded.template_key,
      template_version = excluded.template_version, template_name = excluded.template_name, template_hash = excluded.template_hash,
      start_date = excluded.start_date, end_date = excluded.end_date, finalized_at = excluded.finalized_at, content_hash = excluded.content_hash,
      percent = excluded.percent, band = excluded.band, lead_auditor = excluded.lead_auditor, critical = excluded.critical, major = excluded.major,
      minor = excluded.minor, zero_tolerance = excluded.zero_tolerance, open_critical = excluded.open_critical, open_major = excluded.open_major,
      open_minor = excluded.open_minor, open_zero_tolerance = excluded.open_zero_tolerance, open_actions = excluded.open_actions, heads = excluded.heads,
      conflict = excluded.conflict,
      -- When the version shown changed: the same version projected again keeps its time.
      projected_at = CASE WHEN hq_audit.head_hash = excluded.head_hash THEN hq_audit.projected_at ELSE excluded.projected_at END`).run({
    id: auditId, head: v.head_hash, events: v.event_count, bundle: v.bundle_id, signer: v.fingerprint, revision: a.revision, prev, root, superseded,
    status: a.status, type: a.type, siteId: doc.site.id, siteName: doc.site.name, country: doc.site.country, clients: JSON.stringify(doc.site.clients),
    templateId: doc.template.id, templateKey: doc.template.key, templateVersion: doc.template.version, templateName: doc.template.name,
    templateHash: doc.template.hash, start: a.startDate, end: a.endDate, finalizedAt: a.finalizedAt, contentHash: a.contentHash, percent, band,
    lead: a.leadAuditor, critical: counts.critical, major: counts.major, minor: counts.minor, zt: counts.zeroTolerance,
    openCritical: open.critical, openMajor: open.major, openMinor: open.minor, openZt: open.zeroTolerance, open: openActions, heads: v.heads,
    conflict: v.conflict, now,
  });
  if (facts) projectFacts(db, auditId);
  if (prev) {
    stmt(db, 'UPDATE hq_audit SET superseded = 1 WHERE audit_id = ?').run(prev);
    if (facts) supersedeFacts(db, prev);
  }
  if (root !== auditId) stmt(db, 'UPDATE hq_audit SET root_id = ? WHERE root_id = ? AND audit_id <> ?').run(root, auditId, auditId);
}

/** Projects every audit HQ holds (migration 3, for audits imported before the read model). */
export function projectAllAudits(db: Db, now: string, catalogue?: TemplateCatalogue): number {
  const ids = (db.prepare('SELECT audit_id FROM audits ORDER BY audit_id').all() as Array<{ audit_id: string }>).map((r) => r.audit_id);
  const facts = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hq_fact'").get() !== undefined;
  for (const id of ids) projectAudit(db, id, now, catalogue, facts);
  return ids.length;
}
