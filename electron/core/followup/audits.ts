// Follow-up audits: made from a finalized audit, carrying every finding whose
// actions are not all closed. The follow-up is an audit of its own (own
// chain, own content hash, own signed report); the original stays as it was
// finalized. Finalizing a follow-up records each verification in the
// original's action chain, so the tracker (and HQ) see the closure.
import type { Core } from '../core';
import type { Db } from '../store/db';
import { stmt } from '../store/stmt';
import { nowIso } from '../store/clock';
import { canonicalJson } from '../../../shared/canonical-json';
import { sha256Hex } from '../sha256';
import { getAudit, setStatus } from '../store/repos/audits';
import { auditContentHash, scoreOf } from '../store/repos/lifecycle';
import { getProfile } from '../store/repos/profile';
import { record } from '../store/repos/record';
import { actionFromRow, findingFromRow } from '../store/repos/rows';
import { loadTemplate } from '../store/repos/templates';
import { msg, type Message } from '../../../shared/messages';
import { coreEnglish, joined, refusal, fieldText } from '../../../shared/core-messages';
import { uuidv7 } from '../../../shared/ids';
import type { Audit } from '../../../shared/domain/audit';
import type { Finding } from '../../../shared/domain/finding';
import type { FollowUpStartInput, FollowUpVerifyInput, FollowUpView, TrackStatus } from '../../../shared/domain/followup';
import type { Verification } from '../../../shared/domain/followup-grade';
import { appendActionEvent } from './chain';
import { initialStatus, trackOf } from './tracks';
import { followUpGrade } from './grade';
import { write } from '../store/write';

type Row = Record<string, unknown>;

interface ItemRow {
  id: string;
  audit_id: string;
  finding_id: string;
  verification: Verification | '';
  note: string;
  evidence: string;
  updated_at: string;
}

const itemPublic = (r: ItemRow) => ({ id: r.id, findingId: r.finding_id, verification: r.verification, note: r.note, evidence: r.evidence });

/** Findings of a finalized audit still open: no action, or an action the tracker does not show closed. */
export function openFindings(db: Db, audit: Audit): Finding[] {
  const findings = (stmt(db, 'SELECT * FROM findings WHERE audit_id = ? ORDER BY id').all(audit.id) as Row[]).map(findingFromRow);
  const actions = (stmt(db, 'SELECT * FROM corrective_actions WHERE audit_id = ? ORDER BY id').all(audit.id) as Row[]).map(actionFromRow);
  return findings.filter((f) => {
    const own = actions.filter((a) => a.findingId === f.id);
    return own.length === 0 || own.some((a) => trackOf(db, a, audit.finalizedAt).status !== 'closed');
  });
}

export function followUpOf(db: Db, id: string): Audit {
  const a = getAudit(db, id);
  if (a.kind !== 'follow_up' || !a.followUpOf) throw refusal('not_found', msg('followup.notFollowUp'));
  return a;
}

export function startFollowUp(core: Core, input: FollowUpStartInput): Audit {
  const db = core.db;
  return write(core, () => {
    const orig = getAudit(db, input.auditId);
    if (orig.status !== 'finalized') throw refusal('conflict', msg('followup.notFinalized'));
    if (orig.kind === 'follow_up') throw refusal('conflict', msg('followup.ofFollowUp'));
    const later = stmt(db, 'SELECT revision FROM audits WHERE previous_id = ?').get(orig.id) as { revision: number } | undefined;
    if (later) throw refusal('conflict', msg('followup.reopened', { revision: later.revision }));
    const pending = stmt(db, "SELECT id FROM audits WHERE follow_up_of = ? AND status != 'finalized'").get(orig.id) as { id: string } | undefined;
    if (pending) throw refusal('conflict', msg('followup.underWay'), undefined, { auditId: pending.id });
    if (input.startDate < orig.endDate) throw refusal('invalid_input', msg('followup.startsBefore', { date: orig.endDate }), [fieldText('startDate', msg('problem.beforeOriginal'))]);
    const carried = openFindings(db, orig);
    if (!carried.length) throw refusal('conflict', msg('followup.nothingOpen'));
    const id = uuidv7();
    const now = nowIso();
    stmt(db, `INSERT INTO audits (id, site_id, template_id, revision, previous_id, status, type, start_date, end_date, team, scope, lead_auditor,
        created_at, updated_at, kind, follow_up_of, follow_up_mode)
      VALUES (?, ?, ?, 1, NULL, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, 'follow_up', ?, ?)`).run(id, orig.siteId, orig.templateId, orig.type, input.startDate, input.endDate,
      JSON.stringify(input.team), input.scope, getProfile(db)?.name ?? orig.leadAuditor, now, now, orig.id, input.mode);
    const audit = getAudit(db, id);
    record(core, id, 'audit', id, 'create', null, { ...audit, followUpOfHash: orig.contentHash });
    for (const f of carried) {
      const row: ItemRow = { id: uuidv7(), audit_id: id, finding_id: f.id, verification: '', note: '', evidence: '', updated_at: now };
      stmt(db, 'INSERT INTO followup_items (id, audit_id, finding_id, verification, note, evidence, updated_at) VALUES (@id, @audit_id, @finding_id, @verification, @note, @evidence, @updated_at)').run(row);
      record(core, id, 'followup_item', row.id, 'create', null, itemPublic(row));
    }
    return audit;
  });
}

export function verifyFinding(core: Core, input: FollowUpVerifyInput): FollowUpView {
  const db = core.db;
  write(core, () => {
    const fu = followUpOf(db, input.auditId);
    if (fu.status === 'finalized') throw refusal('locked', msg('followup.locked'));
    const old = stmt(db, 'SELECT * FROM followup_items WHERE audit_id = ? AND finding_id = ?').get(fu.id, input.findingId) as ItemRow | undefined;
    if (!old) throw refusal('not_found', msg('followup.notCarried'), [fieldText('findingId', msg('problem.notCarried'))]);
    const next: ItemRow = { ...old, verification: input.verification, note: input.note, evidence: input.evidence, updated_at: nowIso() };
    stmt(db, 'UPDATE followup_items SET verification = @verification, note = @note, evidence = @evidence, updated_at = @updated_at WHERE id = @id').run(next);
    record(core, fu.id, 'followup_item', old.id, 'update', itemPublic(old), itemPublic(next));
    if (fu.status === 'draft') setStatus(core, fu.id, 'draft', 'in_progress');
  });
  return followUpView(core, input.auditId);
}

function items(db: Db, followUpId: string): ItemRow[] {
  return stmt(db, 'SELECT i.* FROM followup_items i JOIN findings f ON f.id = i.finding_id WHERE i.audit_id = ? ORDER BY f.section_id, f.item_id').all(followUpId) as ItemRow[];
}

export function followUpView(core: Core, followUpId: string): FollowUpView {
  const db = core.db;
  const fu = followUpOf(db, followUpId);
  const orig = getAudit(db, fu.followUpOf!);
  const t = loadTemplate(core, orig.templateId);
  const rows = items(db, fu.id);
  const finding = (id: string) => findingFromRow(stmt(db, 'SELECT * FROM findings WHERE id = ?').get(id) as Row);
  const raised = (stmt(db, 'SELECT * FROM findings WHERE audit_id = ? ORDER BY section_id, item_id').all(fu.id) as Row[]).map(findingFromRow);
  const carried = rows.map((r) => ({ row: r, finding: finding(r.finding_id) }));
  const grade = followUpGrade(core, orig.id, carried.map((c) => ({ finding: c.finding, verification: c.row.verification })), raised);
  const asOf = fu.status === 'finalized' ? fu.finalizedAt : null;
  const prompt = (itemId: string, fallback: string) => t.items.get(itemId)?.item.prompt ?? fallback;
  return {
    auditId: fu.id,
    mode: fu.followUpMode === 'desk_review' ? 'desk_review' : 'on_site',
    status: fu.status,
    original: { id: orig.id, revision: orig.revision, startDate: orig.startDate, endDate: orig.endDate, contentHash: orig.contentHash, grade: grade?.before ?? null },
    items: carried.map(({ row, finding: f }) => ({
      findingId: f.id, itemId: f.itemId, sectionId: f.sectionId, sectionTitle: t.items.get(f.itemId)?.section.title ?? f.sectionId,
      prompt: prompt(f.itemId, f.summary), severity: f.severity, zeroTolerance: f.zeroTolerance, summary: f.summary, note: f.note,
      actions: (stmt(db, 'SELECT * FROM corrective_actions WHERE finding_id = ? ORDER BY id').all(f.id) as Row[]).map(actionFromRow).map((a) => {
        const tr = trackOf(db, a, orig.finalizedAt);
        const base = { id: a.id, action: a.action, owner: a.owner, dueDate: a.dueDate, collaborative: a.collaborative, reviewDate: a.reviewDate };
        if (!asOf) return { ...base, status: tr.status, statusDate: tr.statusDate, evidence: tr.evidence };
        // A finalized follow-up shows the action as it stood when it was verified, not what happened after.
        const last = tr.history.filter((h) => h.at < asOf).at(-1);
        return {
          ...base, status: last?.status ?? initialStatus(a), statusDate: last?.date ?? (orig.finalizedAt ?? '').slice(0, 10),
          evidence: tr.evidence.filter((e) => e.addedAt < asOf),
        };
      }),
      verification: row.verification, verificationNote: row.note, evidence: row.evidence,
    })),
    newFindings: raised.map((f) => ({ id: f.id, itemId: f.itemId, sectionId: f.sectionId, prompt: prompt(f.itemId, f.summary), severity: f.severity, zeroTolerance: f.zeroTolerance, summary: f.summary, note: f.note })),
    grade,
    unverified: rows.filter((r) => !r.verification).length,
  };
}

/** What the original's action chain records for a verification. */
const TRACK_FOR: Record<Verification, TrackStatus> = { closed: 'closed', partially_closed: 'in_progress', not_closed: 'not_closed' };

export function finalizeFollowUp(core: Core, followUpId: string): Audit {
  const db = core.db;
  return write(core, () => {
    const fu = followUpOf(db, followUpId);
    if (fu.status === 'finalized') throw refusal('locked', msg('followup.finalizedAlready'));
    const view = followUpView(core, fu.id);
    const problems: Message[] = [];
    for (const i of view.items) {
      if (!i.verification) problems.push(msg('followup.verify', { prompt: i.prompt }));
      else if (i.verification === 'closed' && !i.evidence.trim()) problems.push(msg('followup.evidence', { prompt: i.prompt }));
      else if (i.verification !== 'closed' && !i.verificationNote.trim()) problems.push(msg('followup.stillOpen', { prompt: i.prompt }));
    }
    // The follow-up answers only what it re-audits: unanswered items do not block it.
    for (const b of scoreOf(core, fu.id).blockers) if (b.reason !== 'unanswered') problems.push(b.text ?? msg('core.asWritten', { text: b.message }));
    if (problems.length) {
      throw refusal('not_ready', msg('followup.blockers', { count: problems.length, problems: joined(problems) }), undefined, problems.map(coreEnglish));
    }
    const hash = sha256Hex(canonicalJson({
      audit: auditContentHash(core, fu.id),
      followUp: {
        of: view.original.id, ofContentHash: view.original.contentHash, mode: view.mode,
        items: view.items.map((i) => ({ findingId: i.findingId, verification: i.verification, note: i.verificationNote, evidence: i.evidence })),
      },
    }));
    const now = nowIso();
    stmt(db, "UPDATE audits SET status = 'finalized', finalized_at = ?, content_hash = ?, updated_at = ? WHERE id = ?").run(now, hash, now, fu.id);
    record(core, fu.id, 'audit', fu.id, 'finalize', { status: fu.status }, { status: 'finalized', contentHash: hash, gradeBefore: view.grade?.before ?? null, gradeAfter: view.grade?.after ?? null });
    // The original's actions take the verified status, in its own action chain.
    const verifier = fu.leadAuditor || core.actor;
    for (const i of view.items) {
      const status = TRACK_FOR[i.verification as Verification];
      for (const a of i.actions) {
        stmt(db, `INSERT INTO action_tracks (action_id, audit_id, status, status_date, note, verified_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (action_id) DO UPDATE SET status = excluded.status, status_date = excluded.status_date, note = excluded.note,
            verified_by = excluded.verified_by, updated_at = excluded.updated_at`)
          .run(a.id, view.original.id, status, fu.endDate, i.verificationNote, status === 'in_progress' ? '' : verifier, now);
        appendActionEvent(db, {
          auditId: view.original.id, actor: core.actor, entity: 'action_track', entityId: a.id, action: 'follow_up',
          old: { status: a.status, date: a.statusDate },
          new: { status, date: fu.endDate, note: i.verificationNote, verifiedBy: status === 'in_progress' ? '' : verifier, findingId: i.findingId, followUpId: fu.id, verification: i.verification },
        });
      }
    }
    return getAudit(db, fu.id);
  });
}
