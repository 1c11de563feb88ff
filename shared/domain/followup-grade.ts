// Re-grading after a follow-up audit, by the template's rating scheme. Pure.
//
// The default rule follows amfori BSCI's follow-up audit: it is held when a
// full audit's grade is below B; "the auditor(s) will not ask the eighty-one
// questions but will focus only on the areas identified as needing
// improvement in the latest audit report" (amfori BSCI FAQ, "What is the
// difference between a full audit and a follow-up audit?", quoted at
// https://www.52by.com/article/192306; m.bsci-hk.com/audit.html agrees that
// a follow-up is required for C and D and that an improved result replaces
// the earlier one). So:
//   - an area is re-audited when it holds a finding the follow-up verifies,
//     or a new finding; it is re-graded from its compliance rate with each
//     verified finding's answers moved: closed → compliant, partially closed
//     → half compliant, not closed → still non-compliant;
//   - an area not re-audited keeps the grade the full audit gave it;
//   - the overall grade comes from the area grades by the scheme's rules, and
//     the scheme's caps apply to what is left: findings not closed or only
//     partly closed, and new findings (severity, key item, zero tolerance).
// NOT confirmed from amfori's own text: how amfori scores a partial fix (its
// answers are YES / PARTIALLY / NO, but the values behind them are an
// internal methodology amfori does not publish, amfori support article
// 24000079547), so "half compliant" is Fairsite's choice; and the minimum due
// diligence amfori asks on performance areas 5, 6 and 7 in every follow-up is
// left to the auditor (new findings there re-grade those areas).
import type { Severity, RatingScheme } from '../template/schema';
import { SEVERITIES } from '../template/schema';
import { applyCaps, gradeForPercent, gradeRank, overallFromAreas, severityCaps, type Cap } from '../rating';

export const VERIFICATIONS = ['closed', 'partially_closed', 'not_closed'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** How much of a verified finding's non-compliance counts as put right. */
export const VERIFICATION_CREDIT: Record<Verification, number> = { closed: 1, partially_closed: 0.5, not_closed: 0 };

export interface AreaBefore {
  sectionId: string;
  title: string;
  compliant: number;
  nonCompliant: number;
  /** The grade the full audit gave the area (null: nothing scorable). */
  grade: string | null;
}

export interface CarriedFinding {
  sectionId: string;
  severity: Severity | null;
  zeroTolerance: boolean;
  /** The item is a key item of the template. */
  key: boolean;
  /** Non-compliant answers the finding stands for (a wage sample counts each worker in breach). */
  units: number;
  verification: Verification;
}

export interface NewFinding {
  sectionId: string;
  severity: Severity | null;
  zeroTolerance: boolean;
  key: boolean;
  /** The item was answered compliant in the full audit (its answer moves); otherwise one non-compliance is added. */
  wasCompliant: boolean;
}

export interface AreaAfter {
  sectionId: string;
  title: string;
  reaudited: boolean;
  before: string | null;
  after: string | null;
  percentBefore: number | null;
  percentAfter: number | null;
  caps: Cap[];
}

export interface FollowUpGrade {
  rule: 'amfori_follow_up';
  before: string | null;
  after: string | null;
  areaGrade: string | null;
  areas: AreaAfter[];
  caps: Cap[];
  remaining: Record<Severity, number>;
  zeroTolerance: boolean;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const pct = (c: number, n: number): number | null => (c + n > 0 ? round2((c / (c + n)) * 100) : null);

export function regradeFollowUp(scheme: RatingScheme, areas: readonly AreaBefore[], before: string | null, carried: readonly CarriedFinding[], added: readonly NewFinding[]): FollowUpGrade {
  const remaining: Record<Severity, number> = { critical: 0, major: 0, minor: 0 };
  let zeroTolerance = false;
  const keyLeft = new Map<string, number>();
  const tally = new Map(areas.map((a) => [a.sectionId, { c: a.compliant, n: a.nonCompliant, touched: false }]));
  const touch = (sectionId: string) => {
    const t = tally.get(sectionId);
    if (!t) throw new Error(`finding in unknown area ${sectionId}`);
    t.touched = true;
    return t;
  };
  const stillOpen = (f: { sectionId: string; severity: Severity | null; zeroTolerance: boolean; key: boolean }) => {
    if (f.severity) remaining[f.severity]++;
    if (f.zeroTolerance) zeroTolerance = true;
    if (f.key) keyLeft.set(f.sectionId, (keyLeft.get(f.sectionId) ?? 0) + 1);
  };
  for (const f of carried) {
    const t = touch(f.sectionId);
    const moved = f.units * VERIFICATION_CREDIT[f.verification];
    t.c += moved;
    t.n -= moved;
    if (f.verification !== 'closed') stillOpen(f);
  }
  for (const f of added) {
    const t = touch(f.sectionId);
    if (f.wasCompliant) t.c -= 1;
    t.n += 1;
    stillOpen(f);
  }
  const out: AreaAfter[] = areas.map((a) => {
    const t = tally.get(a.sectionId)!;
    const percentBefore = pct(a.compliant, a.nonCompliant);
    if (!t.touched) return { sectionId: a.sectionId, title: a.title, reaudited: false, before: a.grade, after: a.grade, percentBefore, percentAfter: percentBefore, caps: [] };
    const percentAfter = pct(t.c, t.n);
    const caps: Cap[] = scheme.keyItemCap && keyLeft.get(a.sectionId) ? [{ grade: scheme.keyItemCap, reason: 'a key item is still not met' }] : [];
    const after = percentAfter === null ? null : applyCaps(scheme, gradeForPercent(scheme, percentAfter), caps).band;
    return { sectionId: a.sectionId, title: a.title, reaudited: true, before: a.grade, after, percentBefore, percentAfter, caps };
  });
  const graded = out.flatMap((a) => (a.after ? [a.after] : []));
  if (!graded.length) return { rule: 'amfori_follow_up', before, after: null, areaGrade: null, areas: out, caps: [], remaining, zeroTolerance };
  const fromAreas = overallFromAreas(scheme, graded);
  const caps = severityCaps(scheme, new Set(SEVERITIES.filter((s) => remaining[s] > 0)));
  if (zeroTolerance && scheme.zeroTolerance.cap) caps.push({ grade: scheme.zeroTolerance.cap, reason: `a zero-tolerance finding is still open, which caps the overall grade at ${scheme.zeroTolerance.cap}` });
  return { rule: 'amfori_follow_up', before, after: applyCaps(scheme, fromAreas, caps).band, areaGrade: fromAreas.band, areas: out, caps, remaining, zeroTolerance };
}

/** amfori BSCI holds a follow-up when the full audit's grade is below B (source above); under other schemes, below the second grade. */
export function followUpDue(scheme: RatingScheme, grade: string): boolean {
  const b = scheme.grades.some((g) => g.grade === 'B') ? 'B' : scheme.grades[1]!.grade;
  return gradeRank(scheme, grade) > gradeRank(scheme, b);
}
