// Contradictions a reader of the report would notice at once, found before
// the audit is finalized. Each warning has a stable key: the auditor either
// fixes the record (the warning goes away) or acknowledges it with a reason,
// which the report then prints. Pure: the loader gathers the inputs.
// Each warning is a message (shared/locales/*/checks.ts) and its English.
import { msg, type Message } from '../../../shared/messages';
import { checkEnglish } from '../../../shared/sample-verdict';
import { siteClock } from '../../../shared/site-time';

export interface ConsistencyInput {
  startDate: string;
  endDate: string;
  /** The site's IANA time zone: a photo's time is said in it (none recorded: UTC, named). */
  timeZone?: string;
  photos: Array<{ id: string; ref: string; caption: string; capturedAt: string; sha256?: string }>;
  signatures: Array<{ role: 'auditor' | 'site_rep'; name: string; signedAt: string }>;
  /** The audit's own notes (opening meeting, method): where the methodology states its counts. */
  methodology: string[];
  /** Interviews in the interview log, or null when the log is not used. */
  interviewsLogged: number;
  /** The wage and hours tables, with the texts that describe their sample (documents, notes). */
  samples: Array<{ itemId: string; title: string; rows: number; texts: Array<{ where: string | Message; text: string }> }>;
  hoursRows: Array<{ worker: string; overtime: number }>;
  wageRows: Array<{ worker: string; overtimeHours: number }>;
  /** Corrective actions with the kind of finding they answer (item kind, or the section of a compliance item). */
  actions: Array<{ findingRef: string; findingKind: string; action: string }>;
}

export type CheckKind = 'photo_date' | 'signature_date' | 'interview_count' | 'sample_count' | 'worker_hours' | 'copied_action';

export interface ConsistencyWarning {
  key: string;
  kind: CheckKind;
  /** In English (the command line, logs); `text` is the same for the reader's language. */
  message: string;
  text: Message;
  /** The photo the warning is about, shown beside it. */
  photoId?: string;
  photoSha?: string;
}

// Audit dates are local to the site; a timestamp is UTC. UTC offsets run
// from −12 h to +14 h, so a moment counts as outside the audit only when it
// is outside the audit days in every time zone.
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`) - 14 * 3_600_000;
const dayEnd = (d: string) => Date.parse(`${d}T00:00:00Z`) + 24 * 3_600_000 + 12 * 3_600_000;

const INTERVIEWS = /\b(\d{1,4})\s+(?:worker\s+|private\s+|employee\s+)?interviews?\b/gi;
const SAMPLED = /\b(\d{1,5})\s+(?:agents?|workers?|employees?|pay\s+records?|records?)\s+sampled\b|\b(\d{1,5})\s+sampled\s+(?:agents?|workers?|employees?|pay\s+records?|records?)\b/gi;

/** A camera's wall-clock time without a zone is read as UTC; the window above absorbs the difference. */
const instant = (s: string) => Date.parse(/(?:[zZ]|[+-]\d{2}:\d{2})$/.test(s) || !/T/.test(s) ? s : `${s}Z`);

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim();

export function consistencyWarnings(x: ConsistencyInput): ConsistencyWarning[] {
  const out: ConsistencyWarning[] = [];
  const warn = (w: Omit<ConsistencyWarning, 'message'>) => out.push({ ...w, message: checkEnglish(w.text) });
  const from = dayStart(x.startDate);
  const to = dayEnd(x.endDate);
  const dates = x.startDate === x.endDate ? x.startDate : msg('consistency.dates', { start: x.startDate, end: x.endDate });

  for (const p of x.photos) {
    const t = instant(p.capturedAt);
    if (Number.isFinite(t) && (t < from || t > to)) {
      const caption = p.caption || msg('consistency.noCaption');
      const taken = siteClock(p.capturedAt, x.timeZone);
      warn({ key: `photo:${p.id}`, kind: 'photo_date', photoId: p.id, ...(p.sha256 ? { photoSha: p.sha256 } : {}), text: msg('consistency.photoDate', { ref: p.ref, caption, taken, dates }) });
    }
  }
  for (const s of x.signatures) {
    const t = instant(s.signedAt);
    if (Number.isFinite(t) && t > to) {
      const key = s.role === 'auditor' ? 'consistency.auditorSigned' : 'consistency.siteRepSigned';
      warn({ key: `signature:${s.role}`, kind: 'signature_date', text: msg(key, { name: s.name, signed: s.signedAt.slice(0, 10), end: x.endDate }) });
    }
  }

  const stated = new Set<number>();
  for (const text of x.methodology) for (const m of text.matchAll(INTERVIEWS)) stated.add(Number(m[1]));
  for (const n of stated) {
    if (n !== x.interviewsLogged) {
      warn({ key: `interviews:${n}`, kind: 'interview_count', text: msg('consistency.interviews', { count: n, logged: x.interviewsLogged }) });
    }
  }

  for (const s of x.samples) {
    for (const t of s.texts) {
      for (const m of t.text.matchAll(SAMPLED)) {
        const n = Number(m[1] ?? m[2]);
        if (n !== s.rows) warn({ key: `sample:${s.itemId}:${n}`, kind: 'sample_count', text: msg('consistency.sample', { where: t.where, stated: n, title: s.title, count: s.rows }) });
      }
    }
  }

  // Overtime in the hours sample is one week; the pay sample covers a pay
  // period that contains it. Overtime worked and none paid (or less paid than
  // worked in one week) is a contradiction either way.
  const paid = new Map<string, number>();
  for (const r of x.wageRows) if (r.worker.trim()) paid.set(norm(r.worker), (paid.get(norm(r.worker)) ?? 0) + r.overtimeHours);
  const worked = new Map<string, { name: string; overtime: number }>();
  for (const r of x.hoursRows) {
    if (!r.worker.trim()) continue;
    const k = norm(r.worker);
    const cur = worked.get(k);
    worked.set(k, { name: r.worker, overtime: Math.max(cur?.overtime ?? 0, r.overtime) });
  }
  for (const [k, w] of worked) {
    const p = paid.get(k);
    if (p === undefined) continue;
    if (w.overtime > p || (w.overtime === 0) !== (p === 0)) {
      warn({ key: `hours:${k}`, kind: 'worker_hours', text: msg('consistency.workerHours', { name: w.name, worked: w.overtime, paid: p }) });
    }
  }

  const byText = new Map<string, Array<{ ref: string; kind: string }>>();
  for (const a of x.actions) {
    const k = norm(a.action);
    if (!k) continue;
    byText.set(k, [...(byText.get(k) ?? []), { ref: a.findingRef, kind: a.findingKind }]);
  }
  for (const [text, uses] of byText) {
    const kinds = new Set(uses.map((u) => u.kind));
    if (kinds.size > 1) {
      warn({ key: `action:${text.slice(0, 160)}`, kind: 'copied_action', text: msg('consistency.copiedAction', { refs: uses.map((u) => u.ref).join(', '), text }) });
    }
  }
  return out;
}
