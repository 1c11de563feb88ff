// hq.diff: what changed between two versions of one audit: two revisions
// (a reopen and what came of it), or two diverging heads of one revision.
// Revisions give records new ids, so records are matched by what they are
// about: answers and findings by checklist item, actions by their finding's
// item, notes by scope and reference. A finding removed or softened, or a
// severity lowered, marks the later version as weakened.
import type { Db } from '../../store/db';
import type { HqDiff } from '../../../../shared/domain/hq';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';
import { canonicalJson } from '../../../../shared/canonical-json';
import { builtInCatalogue, type TemplateCatalogue } from './templates';
import { revisionsOf } from './audit-detail';
import { sealOf, versionOf, type AuditVersion } from './version';

type Severity = 'critical' | 'major' | 'minor';
const RANK: Record<string, number> = { critical: 3, major: 2, minor: 1 };
const rank = (s: Severity | null | undefined): number => (s ? RANK[s]! : 0);
const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const change = (before: unknown, after: unknown): 'added' | 'removed' | 'changed' => (before === undefined ? 'added' : after === undefined ? 'removed' : 'changed');

export interface VersionRef { auditId: string; headHash?: string }

function sameAudit(db: Db, a: string, b: string): boolean {
  if (a === b) return true;
  return revisionsOf(db, a).some((r) => r.auditId === b);
}

function header(v: AuditVersion): HqDiff['from'] {
  const seal = sealOf(v.doc, v.last);
  return { auditId: v.auditId, revision: v.doc.audit.revision, status: v.doc.audit.status, finalizedAt: v.doc.audit.finalizedAt, ...seal, headHash: v.headHash };
}

function byKey<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

export function diffVersions(db: Db, fromRef: VersionRef, toRef: VersionRef, catalogue: TemplateCatalogue = builtInCatalogue()): HqDiff {
  if (!sameAudit(db, fromRef.auditId, toRef.auditId)) {
    throw refusal('invalid_input', msg('hqRead.notSameAudit'));
  }
  const from = versionOf(db, fromRef.auditId, fromRef.headHash);
  const to = versionOf(db, toRef.auditId, toRef.headHash);
  const items = catalogue.items(to.doc.template.hash) ?? catalogue.items(from.doc.template.hash);
  const prompt = (itemId: string | null) => (itemId ? items?.get(itemId)?.prompt ?? null : null);

  const answers: HqDiff['answers'] = [];
  const severities: HqDiff['severities'] = [];
  const rBefore = new Map(from.doc.responses.map((r) => [r.itemId, r]));
  const rAfter = new Map(to.doc.responses.map((r) => [r.itemId, r]));
  for (const itemId of [...new Set([...rBefore.keys(), ...rAfter.keys()])].sort()) {
    const b = rBefore.get(itemId);
    const a = rAfter.get(itemId);
    if (!b || !a || !same(b.value, a.value) || b.note !== a.note) {
      answers.push({ itemId, prompt: prompt(itemId), change: change(b, a), before: b?.value ?? null, after: a?.value ?? null, noteBefore: b?.note ?? null, noteAfter: a?.note ?? null });
    }
    const sb = b?.severity ?? null;
    const sa = a?.severity ?? null;
    const zb = b?.zeroTolerance ?? false;
    const za = a?.zeroTolerance ?? false;
    if (sb !== sa || zb !== za) {
      severities.push({ itemId, prompt: prompt(itemId), before: sb, after: sa, softened: rank(sa) < rank(sb) || (zb && !za), zeroToleranceBefore: zb, zeroToleranceAfter: za });
    }
  }

  const findings: HqDiff['findings'] = [];
  const fKey = (f: { itemId: string; source: string }) => `${f.itemId}\u0000${f.source}`;
  const fBefore = new Map(from.doc.findings.map((f) => [fKey(f), f]));
  const fAfter = new Map(to.doc.findings.map((f) => [fKey(f), f]));
  for (const k of [...new Set([...fBefore.keys(), ...fAfter.keys()])].sort()) {
    const b = fBefore.get(k);
    const a = fAfter.get(k);
    const kind = !b ? 'added' : !a ? 'removed' : rank(a.severity) < rank(b.severity) || (b.zeroTolerance && !a.zeroTolerance) ? 'softened'
      : rank(a.severity) > rank(b.severity) || (a.zeroTolerance && !b.zeroTolerance) ? 'hardened' : a.summary !== b.summary || a.note !== b.note ? 'changed' : null;
    if (!kind) continue;
    const f = (a ?? b)!;
    findings.push({ itemId: f.itemId, prompt: prompt(f.itemId), change: kind, severityBefore: b?.severity ?? null, severityAfter: a?.severity ?? null,
      summaryBefore: b?.summary ?? null, summaryAfter: a?.summary ?? null });
  }

  // Actions follow their finding through its item (a reopen gives findings and actions new ids).
  const actionItems = (v: AuditVersion) => {
    const itemOf = new Map(v.doc.findings.map((f) => [f.id, f.itemId]));
    return byKey(v.doc.actions, (x) => itemOf.get(x.findingId) ?? '');
  };
  const aBefore = actionItems(from);
  const aAfter = actionItems(to);
  const actions: HqDiff['actions'] = [];
  const text = (list: Array<{ action: string; owner: string; status: string }> | undefined) => list?.map((x) => `${x.action} (${x.owner}, ${x.status})`).sort().join('\n');
  const due = (list: Array<{ dueDate: string }> | undefined) => list?.map((x) => x.dueDate).sort().join(', ');
  for (const item of [...new Set([...aBefore.keys(), ...aAfter.keys()])].sort()) {
    const b = aBefore.get(item);
    const a = aAfter.get(item);
    if (text(b) === text(a) && due(b) === due(a)) continue;
    actions.push({ itemId: item || null, change: change(b, a), before: text(b) ?? null, after: text(a) ?? null, dueBefore: due(b) ?? null, dueAfter: due(a) ?? null });
  }

  const notes: HqDiff['notes'] = [];
  const nKey = (n: { scope: string; ref: string }) => `${n.scope}\u0000${n.ref}`;
  const nBefore = byKey(from.doc.notes, nKey);
  const nAfter = byKey(to.doc.notes, nKey);
  const bodies = (list: Array<{ body: string }> | undefined) => list?.map((n) => n.body).sort().join('\n\n');
  for (const k of [...new Set([...nBefore.keys(), ...nAfter.keys()])].sort()) {
    const b = bodies(nBefore.get(k));
    const a = bodies(nAfter.get(k));
    if (b === a) continue;
    const [scope, ref] = k.split('\u0000') as [string, string];
    notes.push({ scope, ref, change: change(b, a), before: b ?? null, after: a ?? null });
  }

  const weakened = findings.some((f) => f.change === 'removed' || f.change === 'softened') || severities.some((s) => s.softened);
  return { from: header(from), to: header(to), answers, severities, findings, actions, notes, weakened };
}
