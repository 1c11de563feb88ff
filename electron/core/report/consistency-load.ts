// Gathers what the consistency checks read from the store, and joins the
// warnings with the acknowledgements the auditor gave.
import type { Core } from '../core';
import { auditDetail } from '../store/repos/audits';
import { loadTemplate } from '../store/repos/templates';
import { listAcknowledgements } from '../store/repos/audit-profile';
import { listPhotos } from '../evidence/photos';
import { listDocuments } from '../evidence/documents';
import { interviewsForExport } from '../evidence/interview-export';
import { listSignoffs } from './signoffs';
import { consistencyWarnings, type ConsistencyWarning } from './consistency';
import { msg } from '../../../shared/messages';
import { joined, refusal } from '../../../shared/core-messages';

export interface CheckedWarning extends ConsistencyWarning {
  acknowledged: boolean;
  note: string;
  acknowledgedAt: string | null;
}

export function consistencyOf(core: Core, auditId: string): CheckedWarning[] {
  const d = auditDetail(core, auditId);
  const t = loadTemplate(core, d.audit.templateId);
  const photos = [...listPhotos(core, auditId)].sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id));
  const documents = listDocuments(core, auditId);
  const responses = new Map(d.responses.map((r) => [r.itemId, r]));
  const findingKind = new Map(d.findings.map((f) => {
    const item = t.items.get(f.itemId)?.item;
    return [f.id, !item || item.kind === 'compliance' ? `section:${f.sectionId}` : item.kind];
  }));
  const order = new Map([...t.items.keys()].map((k, i) => [k, i]));
  const refOf = new Map([...d.findings].sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0)).map((f, i) => [f.id, `NC-${i + 1}`]));

  const samples: Parameters<typeof consistencyWarnings>[0]['samples'] = [];
  const hoursRows: Array<{ worker: string; overtime: number }> = [];
  const wageRows: Array<{ worker: string; overtimeHours: number }> = [];
  for (const { item } of t.items.values()) {
    const v = responses.get(item.id)?.value;
    if ((item.kind !== 'wage' && item.kind !== 'hours') || !v || (v.kind !== 'wage' && v.kind !== 'hours') || !v.rows.length) continue;
    // Rows not yet filled in are not judged, here as in the checks.
    if (v.kind === 'hours') for (const r of v.rows) if (r.overtime !== null) hoursRows.push({ worker: r.worker, overtime: r.overtime });
    if (v.kind === 'wage') for (const r of v.rows) if (r.overtimeHours !== null) wageRows.push({ worker: r.worker, overtimeHours: r.overtimeHours });
    const texts = documents.filter((doc) => doc.itemIds.includes(item.id)).map((doc) => ({ where: msg('consistency.document', { title: doc.title }), text: `${doc.title} ${doc.notes}` }));
    const note = responses.get(item.id)?.note ?? '';
    if (note) texts.push({ where: msg('consistency.itemNote'), text: note });
    samples.push({ itemId: item.id, title: item.prompt, rows: v.rows.length, texts });
  }

  const warnings = consistencyWarnings({
    startDate: d.audit.startDate,
    endDate: d.audit.endDate,
    timeZone: d.site.timeZone,
    photos: photos.map((p, i) => ({ id: p.id, ref: `P${i + 1}`, caption: p.caption, capturedAt: p.capturedAt, sha256: p.annotatedSha256 ?? p.sha256 })),
    signatures: listSignoffs(core, auditId).map((s) => ({ role: s.role, name: s.name, signedAt: s.signedAt })),
    methodology: d.notes.filter((n) => n.scope === 'audit').map((n) => n.body),
    interviewsLogged: interviewsForExport(core, auditId).total,
    samples,
    hoursRows,
    wageRows,
    actions: d.actions.map((a) => ({ findingRef: refOf.get(a.findingId) ?? '—', findingKind: findingKind.get(a.findingId) ?? '', action: a.action })),
  });
  const acks = new Map(listAcknowledgements(core.db, auditId).map((a) => [a.key, a]));
  return warnings.map((w) => {
    const a = acks.get(w.key);
    return { ...w, acknowledged: !!a, note: a?.note ?? '', acknowledgedAt: a?.acknowledgedAt ?? null };
  });
}

/** Finalizing waits until every warning is fixed or acknowledged with a reason. */
export function requireConsistent(core: Core, auditId: string): void {
  const open = consistencyOf(core, auditId).filter((w) => !w.acknowledged);
  if (!open.length) return;
  // The warnings travel as their messages, said one after the other, so the UI says the whole refusal in its language.
  throw refusal('not_ready', msg('finalize.inconsistent', { count: open.length, warnings: joined(open.map((w) => w.text)) }));
}
