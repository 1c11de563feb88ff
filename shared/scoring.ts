// Scores, rating band and what still blocks finalizing an audit. Pure, so
// the form, the report and headquarters all show the same numbers.
import { itemFinding, numberVerdict, sampleVerdict, type FindingContext, type ResponseLike, type WageSite } from './checks';
import type { Blocker, ScoreResult, SectionScore, SeverityCounts, ZeroToleranceAlert } from './domain/score';
import { applyCaps, capOf, gradeForPercent, overallFromAreas, severityCaps, type Cap } from './rating';
import { ratingExplanationMessages } from './rating-explanation';
import { msg, type Message } from './messages';
import { coreEnglish } from './core-messages';
import { checkEnglish } from './sample-verdict';
import { SEVERITIES, type ComplianceAnswer, type RatingScheme, type Template, type TemplateItem } from './template/schema';

export interface Band {
  band: string;
  min: number;
  color: string;
}

/** amfori BSCI-style A–E, as the product defaults to. */
export const DEFAULT_BANDS: readonly Band[] = Object.freeze([
  { band: 'A', min: 86, color: '#1e7b34' },
  { band: 'B', min: 71, color: '#6a9f2a' },
  { band: 'C', min: 51, color: '#c99700' },
  { band: 'D', min: 30, color: '#d2691e' },
  { band: 'E', min: 0, color: '#b3261e' },
]);

/** Shown while nothing scorable has been answered. */
export const NO_SCORE_BAND: Band = Object.freeze({ band: '–', min: 0, color: '#757575' });

export type ScoredResponse = ResponseLike & { itemId: string };

/** How an answer counts: the auditor's answer, or a check's verdict mapped onto the same scale. */
export type Outcome = ComplianceAnswer | 'unanswered' | 'unscored';

const sortBands = (bands: readonly Band[]): Band[] => [...bands].sort((a, b) => b.min - a.min);

/** The highest band whose minimum the score reaches; below every minimum, the lowest band. */
export function bandFor(percent: number, bands: readonly Band[] = DEFAULT_BANDS): Band {
  const sorted = sortBands(bands);
  const lowest = sorted[sorted.length - 1];
  if (!lowest) throw new Error('no rating bands');
  return sorted.find((b) => percent >= b.min) ?? lowest;
}

export function lowestBand(bands: readonly Band[] = DEFAULT_BANDS): Band {
  const sorted = sortBands(bands);
  const lowest = sorted[sorted.length - 1];
  if (!lowest) throw new Error('no rating bands');
  return lowest;
}

/** Percentages are kept to two decimals, and the band is read from that same figure the auditor sees. */
const round2 = (n: number): number => Math.round(n * 100) / 100;

export function itemOutcome(item: TemplateItem, response: ResponseLike | undefined, site: WageSite, context: FindingContext = {}): Outcome {
  const v = response?.value;
  if (!v || v.kind !== item.kind) return 'unanswered';
  switch (v.kind) {
    case 'compliance':
      return v.answer;
    case 'number': {
      if (item.kind !== 'number') return 'unanswered';
      const s = numberVerdict(item, v.value);
      return s === 'fail' ? 'non_compliant' : s === 'warn' ? 'observation' : 'compliant';
    }
    case 'hours': {
      if (item.kind !== 'hours' || v.rows.length === 0) return 'unanswered';
      const s = sampleVerdict(item, v.rows, site, context).status;
      return s === 'fail' ? 'non_compliant' : s === 'pass' ? 'compliant' : 'unscored';
    }
    case 'wage': {
      if (item.kind !== 'wage' || v.rows.length === 0) return 'unanswered';
      const s = sampleVerdict(item, v.rows, site, context).status;
      return s === 'fail' ? 'non_compliant' : s === 'pass' ? 'compliant' : 'unscored';
    }
    case 'choice': {
      if (item.kind !== 'choice' || v.selected.length === 0) return 'unanswered';
      // A choice counts only when the template marks some options as findings.
      if (!item.options.some((o) => o.finding)) return 'unscored';
      return item.options.some((o) => o.finding && v.selected.includes(o.value)) ? 'non_compliant' : 'compliant';
    }
    case 'text':
      return v.text.trim() ? 'unscored' : 'unanswered';
  }
}

export interface ItemRequirements {
  outcome: Outcome;
  severity: boolean;
  note: boolean;
  evidence: boolean;
}

/** The auditor's severity, or the item's default when none was chosen. */
export function withDefaultSeverity<R extends ResponseLike>(item: TemplateItem, response: R | undefined): R | undefined {
  if (!response || response.severity || !item.severity) return response;
  return { ...response, severity: item.severity };
}

/** A severity other than the template's default for this item: the auditor must say why. */
export function severityChanged(item: TemplateItem, response: ResponseLike | undefined): boolean {
  return !!item.severity && !!response?.severity && response.severity !== item.severity;
}

/**
 * What the item's rules ask of the current answer. A computed breach explains
 * itself and has a default severity, so only the auditor's own answers
 * (compliance and choice) need the severity and note the rules ask for; a
 * severity changed from the item's default needs a note whatever the kind.
 */
export function itemRequirements(item: TemplateItem, response: ResponseLike | undefined, site: WageSite): ItemRequirements {
  const outcome = itemOutcome(item, response, site);
  if (outcome === 'unanswered' || outcome === 'unscored') return { outcome, severity: false, note: false, evidence: false };
  const fromAnswer = item.kind === 'compliance' || item.kind === 'choice';
  const r = item.rules;
  return {
    outcome,
    severity: fromAnswer && r.requireSeverityOn.includes(outcome),
    note: (fromAnswer && r.requireNoteOn.includes(outcome)) || (outcome === 'non_compliant' && severityChanged(item, response)),
    evidence: r.requireEvidenceOn.includes(outcome),
  };
}

/** What keeps this item from being final; photo evidence only when counts are known. Each says why as a message and in English. */
export function itemBlockers(
  item: TemplateItem,
  response: ResponseLike | undefined,
  site: WageSite,
  photos?: number,
): Array<{ reason: Blocker['reason']; message: string; text: Message }> {
  const need = itemRequirements(item, response, site);
  const out: Array<{ reason: Blocker['reason']; message: string; text: Message }> = [];
  const add = (reason: Blocker['reason'], text: Message) => out.push({ reason, message: coreEnglish(text), text });
  const prompt = item.prompt;
  if (need.outcome === 'unanswered') {
    if (item.rules.required) add('unanswered', msg('blocker.unanswered', { prompt }));
    return out;
  }
  // The item's default severity stands until the auditor changes it.
  if (need.severity && !response?.severity && !item.severity) add('missing_severity', msg('blocker.severity', { prompt }));
  if (need.note && !(response?.note ?? '').trim()) {
    const changed = severityChanged(item, response) && response?.severity && item.severity;
    add('missing_note', changed
      ? msg('blocker.noteSeverity', { prompt, chosen: msg(`severity.${response.severity}`), graded: msg(`severity.${item.severity}`) })
      : msg('blocker.note', { prompt }));
  }
  if (need.evidence && photos !== undefined && !(photos > 0)) add('missing_evidence', msg('blocker.evidence', { prompt }));
  return out;
}

const COMPLIANT: ReadonlySet<Outcome> = new Set(['compliant', 'observation', 'good_practice']);
const emptyCounts = (): SeverityCounts => ({ critical: 0, major: 0, minor: 0 });

/**
 * A wage or hours sample counted by worker: each sampled row that passes is
 * one compliant answer, each row in breach one non-compliant answer; rows
 * that cannot be judged count for neither. Null for every other kind.
 */
export function sampleUnits(item: TemplateItem, response: ResponseLike | undefined, site: WageSite, context: FindingContext = {}): { compliant: number; nonCompliant: number } | null {
  const v = response?.value;
  if (!v || (item.kind !== 'hours' && item.kind !== 'wage') || v.kind !== item.kind || v.rows.length === 0) return null;
  const verdict = sampleVerdict(item, v.rows, site, context);
  return { compliant: verdict.rows.filter((r) => r.status === 'pass').length, nonCompliant: verdict.failedRows };
}

type SectionTally = SectionScore & { band: Band | null; keyBreaches: string[] };

export function scoreAudit(
  template: Template,
  responses: readonly ScoredResponse[],
  site: WageSite,
  bands?: readonly Band[],
  evidenceCount?: Readonly<Record<string, number>>,
): ScoreResult {
  // An explicit band list is the legacy percentage rating by definition.
  const scheme = bands ? undefined : template.rating;
  const useBands = bands ?? template.bands ?? DEFAULT_BANDS;
  const byItem = new Map<string, ScoredResponse>();
  for (const r of responses) byItem.set(r.itemId, r);
  // The wage check's overtime cross-check reads the whole hours sample, as the stored findings do.
  const context: FindingContext = { hours: responses.flatMap((r) => (r.value?.kind === 'hours' ? r.value.rows : [])) };

  const counts = emptyCounts();
  const blockers: Blocker[] = [];
  const alerts: ZeroToleranceAlert[] = [];
  let answered = 0;
  let total = 0;
  let weighted = 0;
  let weights = 0;

  const sections = template.sections.map((section): SectionTally => {
    const sc = { compliant: 0, nonCompliant: 0, answered: 0, findings: 0, counts: emptyCounts(), keyBreaches: [] as string[] };
    for (const item of section.items) {
      const response = byItem.get(item.id);
      const photos = evidenceCount ? (evidenceCount[item.id] ?? 0) : undefined;
      for (const b of itemBlockers(item, response, site, photos)) blockers.push({ itemId: item.id, sectionId: section.id, ...b });
      const outcome = itemOutcome(item, response, site, context);
      if (outcome === 'unanswered') continue;
      sc.answered++;
      const units = scheme?.samples === 'worker' ? sampleUnits(item, response, site, context) : null;
      if (units) {
        sc.compliant += units.compliant;
        sc.nonCompliant += units.nonCompliant;
      } else if (COMPLIANT.has(outcome)) sc.compliant++;
      else if (outcome === 'non_compliant') sc.nonCompliant++;
      const finding = itemFinding(item, scheme ? withDefaultSeverity(item, response) : response, site, context);
      if (!finding) continue;
      sc.findings++;
      if (finding.severity) sc.counts[finding.severity]++;
      if (!scheme) continue;
      if (item.key) sc.keyBreaches.push(item.prompt);
      if (item.zeroTolerance || response?.zeroTolerance) {
        alerts.push({
          itemId: item.id, sectionId: section.id, sectionTitle: section.title, prompt: item.prompt, summary: finding.summary,
          flaggedBy: item.zeroTolerance ? 'template' : 'auditor', notice: scheme.zeroTolerance.notice,
        });
      }
    }
    const scorable = sc.compliant + sc.nonCompliant;
    const raw = scorable > 0 ? (sc.compliant / scorable) * 100 : null;
    if (raw !== null) {
      weighted += raw * section.weight;
      weights += section.weight;
    }
    answered += sc.answered;
    total += section.items.length;
    for (const k of ['critical', 'major', 'minor'] as const) counts[k] += sc.counts[k];
    const percent = raw === null ? null : round2(raw);
    return {
      sectionId: section.id,
      title: section.title,
      percent,
      band: percent === null ? null : bandFor(percent, useBands),
      answered: sc.answered,
      total: section.items.length,
      compliant: sc.compliant,
      nonCompliant: sc.nonCompliant,
      findings: sc.findings,
      counts: sc.counts,
      keyBreaches: sc.keyBreaches,
    };
  });

  const percent = weights > 0 ? round2(weighted / weights) : null;
  const explanationMessages = ratingExplanationMessages(scheme, useBands);
  const explanation = explanationMessages.map(checkEnglish).join(' ');
  if (!scheme) {
    const zeroTolerance = responses.some((r) => r.zeroTolerance === true);
    const band = zeroTolerance ? lowestBand(useBands) : percent === null ? NO_SCORE_BAND : bandFor(percent, useBands);
    return {
      percent, band: { ...band }, zeroTolerance, counts, answered, total, blockers, explanation, explanationMessages,
      sections: sections.map(({ keyBreaches: _, ...sec }) => sec),
    };
  }
  return { ...rateByScheme(scheme, sections, counts, alerts), percent, counts, answered, total, blockers, explanation, explanationMessages };
}

/** The scheme's grades: areas (with key-item caps), overall from the areas, then the finding caps. */
function rateByScheme(scheme: RatingScheme, tallies: SectionTally[], counts: SeverityCounts, alerts: ZeroToleranceAlert[]) {
  const sections: SectionScore[] = tallies.map(({ keyBreaches, ...sec }) => {
    if (sec.percent === null) return { ...sec, band: null };
    const caps: Cap[] = scheme.keyItemCap && keyBreaches.length
      ? keyBreaches.map((p) => capOf(scheme.keyItemCap!, msg('rating.capKeyItem', { item: p })))
      : [];
    return { ...sec, band: applyCaps(scheme, gradeForPercent(scheme, sec.percent), caps), caps };
  });
  const graded = sections.flatMap((s) => (s.band ? [s.band.band] : []));
  if (!graded.length) return { band: { ...NO_SCORE_BAND }, zeroTolerance: alerts.length > 0, zeroToleranceAlerts: alerts, sections, caps: [] };
  const fromAreas = overallFromAreas(scheme, graded);
  const present = new Set(SEVERITIES.filter((k) => counts[k] > 0));
  const caps = severityCaps(scheme, present);
  if (alerts.length && scheme.zeroTolerance.cap) {
    caps.push(capOf(scheme.zeroTolerance.cap, msg('rating.capZeroTolerance', { grade: scheme.zeroTolerance.cap })));
  }
  const band = applyCaps(scheme, fromAreas, caps);
  return { band, areaGrade: fromAreas.band, zeroTolerance: alerts.length > 0, zeroToleranceAlerts: alerts, sections, caps };
}
