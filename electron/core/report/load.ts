// Store → ReportData: everything the report prints, read once in one place.
// Interview notes never pass through here: only counts, themes and the
// excerpts the auditor marked for inclusion.
import { previousAuditSentence } from '../followup/last-audit';
import { loadFollowUpReport } from './sections/followup-load';
import type { Core } from '../core';
import type { Finding } from '../../../shared/domain/finding';
import type { Photo } from '../../../shared/domain/evidence';
import type { ResponseValue } from '../../../shared/domain/response';
import { DOCUMENT_KIND_LABELS } from '../../../shared/domain/evidence';
import type { ComplianceAnswer, Severity, Template, TemplateItem } from '../../../shared/template/schema';
import type { ScoreResult } from '../../../shared/domain/score';
import { hoursVerdict, numberVerdict, wageVerdict } from '../../../shared/checks';
import type { Site } from '../../../shared/domain/site';
import { dueDateFor, timescaleFor } from '../../../shared/domain/capr';
import { getAuditProfile, getCredentials, listAcknowledgements } from '../store/repos/audit-profile';
import { consistencyOf } from './consistency-load';
import { count, countOf, reportLanguage, text } from './strings';
import { auditDetail } from '../store/repos/audits';
import { scoreOf } from '../store/repos/lifecycle';
import { loadTemplate } from '../store/repos/templates';
import { localizeTemplate } from '../../../shared/template/translations';
import { getProfile } from '../store/repos/profile';
import { listPhotos } from '../evidence/photos';
import { derivativePath } from '../evidence/layout';
import { getEvidenceSettings } from '../evidence/settings';
import { listSignoffs } from './signoffs';
import { interviewsForExport } from '../evidence/interview-export';
import { listDocuments } from '../evidence/documents';
import { analysisTables } from './load-analysis';
import { checkFindingDetail } from './finding-text';
import { say } from './messages';
import { siteTime } from '../../../shared/site-time';
import type { ReportAcknowledged, ReportCheckedRow, ReportData, ReportDeclaration, ReportFinding, ReportGoodPractice, ReportItem, ReportPhoto, Tone } from './types';

const ANSWER: Record<ComplianceAnswer, Tone> = { compliant: 'ok', non_compliant: 'bad', not_applicable: 'neutral', observation: 'warn', good_practice: 'ok' };
const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };

export function loadReportData(core: Core, auditId: string, now = new Date()): ReportData {
  const d = auditDetail(core, auditId);
  // The template's texts in the report's language where it has them, its own elsewhere.
  const loaded = loadTemplate(core, d.audit.templateId);
  const template = localizeTemplate(loaded.template, reportLanguage());
  const t = { ...loaded, template, items: new Map(template.sections.flatMap((section) => section.items.map((item) => [item.id, { item, section }] as const))) };
  const score = scoreOf(core, auditId);
  const profile = getProfile(core.db);
  const responses = new Map(d.responses.map((r) => [r.itemId, r]));
  const findingsByItem = new Map(d.findings.map((f) => [f.itemId, f]));
  const sampledHours = d.responses.flatMap((r) => (r.value?.kind === 'hours' ? r.value.rows : []));
  // A computed finding in the report's language (English keeps the stored sentence).
  const detailOf = (f: Finding) => checkFindingDetail(f, t.items.get(f.itemId)?.item, responses.get(f.itemId), d.site, sampledHours);

  const photos = photosOf(core, auditId, d.site.timeZone);
  const photoItem = (p: Photo): string | null => {
    if (p.target.kind === 'item') return p.target.itemId;
    if (p.target.kind === 'finding') {
      const id = p.target.findingId;
      return d.findings.find((f) => f.id === id)?.itemId ?? null;
    }
    return null;
  };
  const photosByItem = new Map<string, ReportPhoto[]>();
  photos.list.forEach((p, i) => {
    const item = photoItem(p);
    const rp = photos.report[i] as ReportPhoto;
    if (item) photosByItem.set(item, [...(photosByItem.get(item) ?? []), rp]);
  });

  const documents = listDocuments(core, auditId);

  // Findings in checklist order, most severe first within an item's section.
  const order = new Map([...t.items.keys()].map((k, i) => [k, i]));
  const sorted = [...d.findings].sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));
  const refOf = new Map<string, string>(sorted.map((f, i) => [f.id, `NC-${i + 1}`]));
  const findings: ReportFinding[] = sorted.map((f) => {
    const entry = t.items.get(f.itemId);
    const itemPhotos = photosByItem.get(f.itemId) ?? [];
    const docs = documents.filter((doc) => doc.itemIds.includes(f.itemId)).map((doc) => doc.title);
    return {
      ref: refOf.get(f.id) ?? '',
      itemId: f.itemId,
      sectionTitle: entry?.section.title ?? f.sectionId,
      prompt: entry?.item.prompt ?? f.itemId,
      clauses: entry ? entry.item.references.map((r) => shortClause(r.standard, r.clause)) : [],
      severity: f.severity,
      zeroTolerance: f.zeroTolerance,
      summary: detailOf(f) ?? withoutPrompt(f.summary, entry?.item.prompt ?? ''),
      note: f.note && f.note !== f.summary && f.note !== withoutPrompt(f.summary, entry?.item.prompt ?? '') ? f.note : '',
      evidence: [itemPhotos.map((p) => p.ref).join(', '), ...docs].filter(Boolean).join('; '),
    };
  });

  const goodPractices: ReportGoodPractice[] = [];
  const sections = t.template.sections.map((s) => {
    const sc = score.sections.find((x) => x.sectionId === s.id);
    const items: ReportItem[] = [];
    const checked: ReportCheckedRow[] = [];
    const texts: Array<{ prompt: string; text: string }> = [];
    for (const item of s.items) {
      const r = responses.get(item.id);
      const f = findingsByItem.get(item.id);
      const ps = photosByItem.get(item.id) ?? [];
      const shown = describeAnswer(item, r?.value ?? null, f, d.site);
      const note = r?.note ?? '';
      checked.push({ prompt: item.prompt, answer: shown.answer, tone: shown.tone, reading: shown.reading, note });
      if (r?.value?.kind === 'text' && r.value.text.trim()) texts.push({ prompt: item.prompt, text: r.value.text });
      if (r?.value?.kind === 'compliance' && r.value.answer === 'good_practice') {
        goodPractices.push({ sectionTitle: s.title, prompt: item.prompt, note, photoRefs: ps.map((p) => p.ref) });
        continue;
      }
      if (!f && shown.tone !== 'warn') continue;
      items.push({
        id: item.id,
        prompt: item.prompt,
        references: item.references.map((x) => `${x.standard} ${x.clause}`),
        answer: f ? (shown.tone === 'bad' ? shown.answer : text('ans.non_compliant')) : shown.answer,
        tone: shown.tone,
        severity: f?.severity ?? null,
        zeroTolerance: f?.zeroTolerance ?? false,
        // A computed breach already says what the sample showed; a number or a choice gets its reading.
        note: [f && f.source === 'check' ? detailOf(f) ?? withoutPrompt(f.summary, item.prompt) : '', shown.reading && (item.kind === 'number' || item.kind === 'choice') ? `${text('sections.reading')}: ${shown.reading}` : '', note].filter(Boolean).join('\n'),
        photoIds: ps.map((p) => p.id),
      });
    }
    return {
      id: s.id,
      title: s.title,
      percent: sc?.percent ?? null,
      answered: sc?.answered ?? 0,
      total: sc?.total ?? s.items.length,
      nonCompliant: sc?.nonCompliant ?? 0,
      items,
      notes: d.notes.filter((n) => n.scope === 'section' && n.ref === s.id && n.body.trim()).map((n) => n.body),
      checked,
      texts,
    };
  });

  const keyFindings = [...sorted]
    .sort((a, b) => Number(b.zeroTolerance) - Number(a.zeroTolerance) || sevRank(a) - sevRank(b))
    .slice(0, 8)
    .map((f) => {
      const detail = detailOf(f);
      const prompt = t.items.get(f.itemId)?.item.prompt;
      const summary = detail && prompt ? `${prompt} — ${detail}` : agreement(f.summary);
      const severity = f.zeroTolerance ? text('sev.zt') : text(f.severity ? `sev.${f.severity}` : 'sev.none');
      return text('sum.keyLine', { ref: refOf.get(f.id) ?? '', severity: reportLanguage() === 'en' ? severity.toLowerCase() : severity, summary });
    });

  const analysis = analysisTables(t.template.sections.flatMap((s) => s.items.map((item) => ({ item, response: responses.get(item.id) }))), d.site);
  const signoffs = listSignoffs(core, auditId);
  const auditorSig = signoffs.find((s) => s.role === 'auditor');
  const siteSig = signoffs.find((s) => s.role === 'site_rep');
  const iv = interviewsForExport(core, auditId);
  const interviews = iv.total
    ? { interviews: iv.total, individual: iv.individual, group: iv.group, withConsent: iv.withConsent, themes: iv.themes.map((x) => ({ label: x.topic, count: x.count })), excerpts: iv.excerpts }
    : null;
  const stored = getAuditProfile(core.db, auditId);
  const days = Math.round((Date.parse(d.audit.endDate) - Date.parse(d.audit.startDate)) / 86_400_000) + 1;
  const followUp = loadFollowUpReport(core, auditId);

  return {
    audit: {
      id: d.audit.id,
      revision: d.audit.revision,
      status: d.audit.status,
      type: d.audit.type,
      startDate: d.audit.startDate,
      endDate: d.audit.endDate,
      team: d.audit.team,
      leadAuditor: d.audit.leadAuditor,
      scope: d.audit.scope,
      finalizedAt: d.audit.finalizedAt,
      contentHash: d.audit.contentHash,
      timeOnSite: text(days > 1 ? 'det.onSiteRange' : 'det.onSiteOne', { days: count(days, 'day'), start: d.audit.startDate, end: d.audit.endDate }),
      // The method names the previous audit of the site when there is one (electron/core/followup/last-audit.ts).
      notes: [previousAuditSentence(core, auditId), ...d.notes.filter((n) => n.scope === 'audit' && n.body.trim()).map((n) => n.body)].filter((n): n is string => !!n),
      documentsReviewed: documents.map((doc) => `${DOCUMENT_KIND_LABELS[doc.kind]}: ${doc.title}`),
      sampleSizes: sampleSizes(analysis.map((a) => ({ title: a.title, rows: a.rows.length })), interviews?.interviews ?? 0, photos.list.length, documents.length, score.answered, score.total),
    },
    site: { name: d.site.name, clients: d.site.clients, address: d.site.address, country: d.site.country, headcount: d.site.headcount, shifts: d.site.shifts },
    template: { name: t.info.name, version: t.info.version },
    auditor: profile
      ? { name: profile.name, organisation: profile.organisation, email: profile.email, auditorId: profile.auditorId }
      : { name: d.audit.leadAuditor, organisation: '', email: '', auditorId: '' },
    score: { percent: score.percent, band: score.band.band, bandColor: score.band.color, zeroTolerance: score.zeroTolerance, counts: score.counts, answered: score.answered, total: score.total, ...ratingFacts(score, t.template),
      // A follow-up's cover shows its re-grade, not the score of the few items it re-answered.
      ...(followUp?.gradeAfter ? { band: followUp.gradeAfter, bandColor: followUp.gradeColor ?? score.band.color, percent: null } : {}) },
    sections,
    findings,
    keyFindings,
    analysis,
    actions: [...d.actions]
      .sort((a, b) => (refOf.get(a.findingId) ?? '').localeCompare(refOf.get(b.findingId) ?? '', 'en', { numeric: true }) || a.dueDate.localeCompare(b.dueDate))
      .map((a) => {
        const f = d.findings.find((x) => x.id === a.findingId);
        const rf = findings.find((x) => x.ref === refOf.get(a.findingId));
        const ts = timescaleFor(a.timescale, f?.severity ?? null);
        return {
          findingRef: refOf.get(a.findingId) ?? '—', action: a.action, owner: a.owner,
          // A collaborative action has no closing date, only a progress review (shared/domain/finding.ts).
          dueDate: a.collaborative ? text('due.collaborative', { date: a.reviewDate ?? '' }) : a.dueDate, status: a.status, verification: a.verification,
          severity: f?.severity ?? null, clauses: rf?.clauses ?? [], findingText: rf ? [rf.summary, rf.note].filter(Boolean).join('\n') : '',
          objectiveEvidence: a.objectiveEvidence || rf?.evidence || '', rootCause: a.rootCause, preventiveAction: a.preventiveAction,
          timescale: a.collaborative ? text('ts.collaborative')
            : text('ts.line', { label: a.timescale ? text(`ts.${ts}`) : text('ts.default', { label: text(`ts.${ts}`) }), date: dueDateFor(d.audit.endDate, ts) }),
          verificationMethod: a.verificationMethod ? text(`ver.${a.verificationMethod}`) : '', siteComments: a.siteComments, siteAcceptance: text(`acc.${a.siteAcceptance}`),
        };
      }),
    profile: stored.updatedAt ? stored.site : null,
    goodPractices,
    declaration: declarationOf(core, stored.declaration, d.site.clients),
    acknowledged: acknowledgedOf(core, auditId),
    interviews,
    signoff: {
      auditor: auditorSig ? { name: auditorSig.name, title: auditorSig.title, signedAt: auditorSig.signedAt, png: Buffer.from(auditorSig.pngBase64, 'base64') } : null,
      siteRep: siteSig ? { name: siteSig.name, title: siteSig.title, signedAt: siteSig.signedAt, png: Buffer.from(siteSig.pngBase64, 'base64'), hasAuthority: siteSig.hasAuthority } : null,
    },
    photos: photos.report,
    followUp,
    generatedAt: now.toISOString(),
  };
}

/** What the cover prints about the rating beyond the band: caps, alerts, the scheme's explanation and severity definitions. */
function ratingFacts(score: ScoreResult, template: Template): Partial<ReportData['score']> {
  return {
    areaGrade: score.areaGrade,
    caps: score.caps?.map((c) => (c.text ? say(c.text) : c.reason)),
    zeroToleranceAlerts: score.zeroToleranceAlerts?.map((a) => ({ what: a.summary, where: text('notes.alertWhere', { section: a.sectionTitle, prompt: a.prompt }) })),
    zeroToleranceNotice: score.zeroToleranceAlerts?.[0]?.notice ?? template.rating?.zeroTolerance.notice,
    explanation: score.explanationMessages ? score.explanationMessages.map((m) => say(m)).join(' ') : score.explanation,
    severities: template.severities,
  };
}

const sevRank = (f: Finding): number => (f.severity ? SEVERITY_ORDER[f.severity] : 3);

type Shown = { answer: string; tone: Tone; reading: string };

function describeAnswer(item: TemplateItem, v: ResponseValue | null, finding: Finding | undefined, site: Site): Shown {
  if (!v) return { answer: text('ans.none'), tone: 'neutral', reading: '' };
  switch (v.kind) {
    case 'compliance':
      return { answer: text(`ans.${v.answer}`), tone: ANSWER[v.answer], reading: '' };
    case 'number': {
      const unit = item.kind === 'number' ? ` ${item.unit}` : '';
      const status = item.kind === 'number' ? numberVerdict(item, v.value) : 'pass';
      const answer = text(status === 'fail' ? 'ans.outside' : status === 'warn' ? 'ans.near' : 'ans.within');
      return { answer, tone: status === 'fail' ? 'bad' : status === 'warn' ? 'warn' : 'ok', reading: `${v.value}${unit}` };
    }
    case 'wage':
    case 'hours': {
      const n = v.rows.length;
      const verdict = v.kind === 'wage' ? wageVerdict(v.rows, site) : hoursVerdict(v.rows, item.kind === 'hours' ? item.limits : undefined);
      const noun = v.kind === 'wage' ? 'sampledRecord' : 'sampledWeek';
      if (verdict.failedRows) return { answer: text('ans.non_compliant'), tone: 'bad', reading: text(verdict.failedRows === 1 ? 'ans.breachOne' : 'ans.breachMany', { part: countOf(verdict.failedRows, n, noun) }) };
      if (verdict.status === 'unknown') return { answer: text('ans.unchecked'), tone: 'warn', reading: text('ans.someUnchecked', { rows: count(n, noun) }) };
      return { answer: text(finding ? 'ans.non_compliant' : 'ans.compliant'), tone: finding ? 'bad' : 'ok', reading: text('ans.noneInBreach', { rows: count(n, noun) }) };
    }
    case 'choice': {
      const labels = item.kind === 'choice' ? v.selected.map((s) => item.options.find((o) => o.value === s)?.label ?? s) : v.selected;
      return { answer: text(finding ? 'ans.non_compliant' : 'ans.answered'), tone: finding ? 'bad' : 'neutral', reading: labels.join(', ') || text('ans.noneSelected') };
    }
    case 'text':
      return { answer: text(v.text.trim() ? 'ans.written' : 'ans.none'), tone: 'neutral', reading: v.text.trim() ? text('ans.inFull') : '' };
  }
}

/** "Prompt — detail" → "detail": the table and the heading already show the prompt. */
export function withoutPrompt(summary: string, prompt: string): string {
  const s = agreement(summary.trim());
  if (!prompt) return s;
  if (s === prompt.trim()) return '';
  return s.startsWith(`${prompt} — `) ? s.slice(prompt.length + 3) : s;
}

/** "1 of 5 sampled weeks breach the rules" → "… breaches …": the checks' wording counts any number the same. */
export function agreement(s: string): string {
  return s.replace(/\b1 of (\d+) ([\w -]+?) breach\b/g, '1 of $1 $2 breaches');
}

function declarationOf(core: Core, stored: { limitations: string; disclaimer: string; distribution: string[] }, clients: string[]): ReportDeclaration {
  const c = getCredentials(core.db);
  const credentials = !c || c.scheme === 'none' ? text('decl.noCredentials') : c.scheme === 'apsca' ? text('decl.apsca', { number: c.number }) : text('decl.other', { scheme: c.otherScheme, number: c.number });
  return {
    credentials,
    independence: c?.independence ?? '',
    limitations: stored.limitations,
    disclaimer: stored.disclaimer || text('decl.defaultDisclaimer'),
    distribution: stored.distribution.length ? stored.distribution : [text('decl.defaultDistribution'), ...(clients.length ? [] : [])],
  };
}

function acknowledgedOf(core: Core, auditId: string): ReportAcknowledged[] {
  if (!listAcknowledgements(core.db, auditId).length) return [];
  return consistencyOf(core, auditId).filter((w) => w.acknowledged).map((w) => ({ message: say(w.text), note: w.note }));
}

function photosOf(core: Core, auditId: string, timeZone: string | undefined): { list: Photo[]; report: ReportPhoto[] } {
  const showGps = getEvidenceSettings(core).reportShowsGps;
  const list = [...listPhotos(core, auditId)].sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id));
  const report = list.map((p, i): ReportPhoto => {
    const gps = showGps && p.gps ? ` · GPS ${p.gps.lat.toFixed(5)}, ${p.gps.lon.toFixed(5)}` : '';
    return {
      id: p.id,
      ref: `P${i + 1}`,
      caption: `${p.annotatedSha256 ? text('photo.annotated', { caption: p.caption || p.originalName || text('photo.untitled') }) : p.caption || p.originalName || text('photo.untitled')}${gps}`,
      takenAt: p.capturedAt,
      // Photo times in the site's zone, named (a site recorded before zones: UTC).
      takenText: siteTime(p.capturedAt, timeZone, reportLanguage()),
      sha256: p.sha256,
      source: { path: derivativePath(core.paths.photos, p.annotatedSha256 ?? p.sha256, 'report') },
    };
  });
  return { list, report };
}

function sampleSizes(tables: Array<{ title: string; rows: number }>, interviews: number, photos: number, documents: number, answered: number, total: number) {
  return [
    { label: text('det.sampleItems'), value: countOf(answered, total, 'item') },
    ...tables.map((t) => ({ label: t.title, value: count(t.rows, 'record') })),
    { label: text('det.sampleInterviews'), value: count(interviews, 'interview') },
    { label: text('det.sampleDocuments'), value: count(documents, 'document') },
    { label: text('det.samplePhotos'), value: count(photos, 'photo') },
  ];
}

/**
 * "amfori BSCI", "PA 5 Fair remuneration" → "amfori BSCI PA 5": the table
 * cell names the clause; the section pages quote it whole. The code is the
 * leading run of numbers and short upper-case or abbreviated words; a clause
 * without one keeps its words up to the first punctuation. Never cut with "…".
 */
export function shortClause(standard: string, clause: string): string {
  const words = clause.split(/\s+/).filter(Boolean);
  const isNumber = (w: string) => /\d/.test(w);
  const isCode = (w: string) => /^[A-Z]{1,4}$/.test(w) || /^[A-Z]?[a-z]{1,4}\.$/.test(w);
  const code: string[] = [];
  let i = 0;
  while (i < words.length && !isNumber(words[i]!) && isCode(words[i]!)) code.push(words[i++]!);
  if (i < words.length && isNumber(words[i]!)) {
    code.push(words[i++]!);
    // "6.1 MC 3", "6.1 MC 8A": a sub-code and its number, not "6.2 48 hours".
    while (i + 1 < words.length && /^[A-Z]{1,4}$/.test(words[i]!) && isNumber(words[i + 1]!) && !/[,;:]$/.test(code.at(-1)!)) code.push(words[i++]!, words[i++]!);
  }
  const kept = code.some(isNumber) ? code.join(' ').replace(/[,;:]$/, '') : (clause.split(/[,;:(]/)[0] ?? clause).trim();
  return `${standard} ${kept}`.trim();
}
