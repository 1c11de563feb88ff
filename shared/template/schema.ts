// The checklist template: sections → items. Templates are data (JSON files
// in assets/templates/ or imported by an organisation), so this schema is
// the only thing standing between a bad file and the auditor's database.
import { z } from 'zod';
import { translationIssues, Translations } from './translations';
import { msg, type Message } from '../messages';
import { coreEnglish, templateIssue, templateSays } from '../core-messages';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, templateSays(msg('template.idFormat')));
const text = (max: number) => z.string().trim().min(1).max(max);

export const COMPLIANCE_ANSWERS = ['compliant', 'non_compliant', 'not_applicable', 'observation', 'good_practice'] as const;
export const ComplianceAnswer = z.enum(COMPLIANCE_ANSWERS);
export type ComplianceAnswer = z.infer<typeof ComplianceAnswer>;

export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const STANDARDS = ['ETI', 'SMETA', 'SA8000', 'amfori BSCI', 'ISO/IEC 27001:2022', 'PCI DSS', 'ILO', 'GDPR', 'Local law', 'Fairsite'] as const;

export const ClauseRef = z.strictObject({
  standard: z.enum(STANDARDS),
  clause: text(80),
});
export type ClauseRef = z.infer<typeof ClauseRef>;

/** What an answer demands before the audit can be finalized. */
export const ItemRules = z.strictObject({
  requireNoteOn: z.array(ComplianceAnswer).default(['non_compliant']),
  requireSeverityOn: z.array(ComplianceAnswer).default(['non_compliant']),
  requireEvidenceOn: z.array(ComplianceAnswer).default([]),
  required: z.boolean().default(true),
});
export type ItemRules = z.infer<typeof ItemRules>;

const itemBase = {
  id,
  prompt: text(500),
  guidance: text(4000),
  evidence: z.array(text(300)).min(1).max(30),
  references: z.array(ClauseRef).min(1).max(20),
  rules: ItemRules.prefault({}),
  // Rating fields are optional without defaults: a template written before
  // they existed parses to the same data, so its content hash is unchanged.
  /** The severity a non-compliance starts with; the auditor may change it, with a note. */
  severity: Severity.optional(),
  /** A key item: when non-compliant it caps its area's grade (the scheme's keyItemCap). */
  key: z.boolean().optional(),
  /** Non-compliance here raises a zero-tolerance alert (the scheme's zeroTolerance notice). */
  zeroTolerance: z.boolean().optional(),
};

const Thresholds = z.strictObject({
  failBelow: z.number().finite().optional(),
  warnBelow: z.number().finite().optional(),
  warnAbove: z.number().finite().optional(),
  failAbove: z.number().finite().optional(),
});

export const ComplianceItem = z.strictObject({ ...itemBase, kind: z.literal('compliance') });
export const NumberItem = z
  .strictObject({
    ...itemBase,
    kind: z.literal('number'),
    unit: text(40),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    thresholds: Thresholds.default({}),
  })
  .superRefine((it, ctx) => {
    // Limits that cross each other would make a reading pass and fail at once.
    const order = (lo: number | undefined, hi: number | undefined, path: string[], what: string) => {
      if (lo !== undefined && hi !== undefined && lo > hi) ctx.addIssue({ code: 'custom', path, ...templateIssue(msg(what)) });
    };
    order(it.min, it.max, ['max'], 'template.maxBelowMin');
    const t = it.thresholds;
    order(t.failBelow, t.warnBelow, ['thresholds', 'warnBelow'], 'template.warnBelowFail');
    order(t.warnAbove, t.failAbove, ['thresholds', 'failAbove'], 'template.failBelowWarn');
    order(t.warnBelow ?? t.failBelow, t.warnAbove ?? t.failAbove, ['thresholds'], 'template.limitsCross');
  });
/** Pay against the site's legal minimum and overtime premium (site fields). */
export const WageItem = z.strictObject({ ...itemBase, kind: z.literal('wage'), minSample: z.number().int().min(1).max(500).optional() });
/** ETI 6: contracted ≤ 48 h, total ≤ 60 h in 7 days, one day off in 7. */
export const HoursItem = z.strictObject({
  ...itemBase,
  kind: z.literal('hours'),
  limits: z.strictObject({
    contracted: z.number().positive().max(168).default(48),
    total: z.number().positive().max(168).default(60),
    maxDaysWorked: z.number().int().min(1).max(7).default(6),
  }).prefault({}),
  /** Fewest workers the sample should hold; shared/checks.ts uses 10 when absent (the guidance's figure). */
  minSample: z.number().int().min(1).max(500).optional(),
});
export const ChoiceItem = z
  .strictObject({
    ...itemBase,
    kind: z.literal('choice'),
    options: z.array(z.strictObject({ value: id, label: text(200), finding: z.boolean().default(false) })).min(2).max(30),
    multiple: z.boolean().default(false),
  })
  .superRefine((it, ctx) => {
    const seen = new Set<string>();
    it.options.forEach((o, i) => {
      if (seen.has(o.value)) ctx.addIssue({ code: 'custom', path: ['options', i, 'value'], ...templateIssue(msg('template.duplicateOption', { value: o.value })) });
      seen.add(o.value);
    });
  });
export const TextItem = z.strictObject({ ...itemBase, kind: z.literal('text'), multiline: z.boolean().default(true) });

export const TemplateItem = z.discriminatedUnion('kind', [ComplianceItem, NumberItem, WageItem, HoursItem, ChoiceItem, TextItem]);
export type TemplateItem = z.infer<typeof TemplateItem>;
export type ItemKind = TemplateItem['kind'];

export const TemplateSection = z.strictObject({
  id,
  title: text(200),
  description: text(2000).optional(),
  weight: z.number().positive().max(100).default(1),
  items: z.array(TemplateItem).min(1).max(500),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

export const RatingBand = z.strictObject({ band: text(8), min: z.number().min(0).max(100), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) });

const grade = text(8);

/**
 * How an audit is rated, as template data: areas (sections) are graded from
 * their compliance rate, the overall grade is derived from the area grades by
 * the first rule whose limits hold, and findings cap grades. A pass/fail
 * scheme is the same structure with two grades.
 */
export const RatingScheme = z.strictObject({
  name: text(200),
  /** What the scheme follows, its sources, and what of it is not confirmed. */
  description: text(4000),
  /** Best first. An area's grade is the first whose `min` (compliance %) it reaches. */
  grades: z.array(z.strictObject({ grade, label: text(80), min: z.number().min(0).max(100), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) })).min(2).max(10),
  /**
   * Overall grade: the first rule (best first) whose limits all hold; when
   * none holds, the worst grade. A limit allows at most `count` areas graded
   * `grade` or worse.
   */
  overall: z.array(z.strictObject({
    grade,
    limits: z.array(z.strictObject({ grade, count: z.number().int().min(0).max(100) })).max(10),
  })).min(1).max(10),
  /** A non-compliant key item caps its area at this grade (or worse). */
  keyItemCap: grade.optional(),
  /** The worst finding caps the overall grade: a critical at `critical` or worse, and so on. */
  severityCaps: z.strictObject({ critical: grade.optional(), major: grade.optional(), minor: grade.optional() }).default({}),
  zeroTolerance: z.strictObject({
    /** The grade an audit with a zero-tolerance alert gets at best; none: the alert stands beside the grade. */
    cap: grade.optional(),
    /** The duty the alert carries: who is told, how fast. */
    notice: text(1000),
  }),
  /** 'worker': each sampled worker of a wage or hours sample counts as one answer; 'item': the sample counts once. */
  samples: z.enum(['worker', 'item']).default('worker'),
});
export type RatingScheme = z.infer<typeof RatingScheme>;

/** What critical, major and minor mean under this template: shown beside the severity buttons and printed. */
export const SeverityDefinitions = z.strictObject({ critical: text(1000), major: text(1000), minor: text(1000) });
export type SeverityDefinitions = z.infer<typeof SeverityDefinitions>;

/** Every grade a scheme names must be one of its grades, and each grade appears once. */
function checkScheme(r: RatingScheme, ctx: z.core.$RefinementCtx): void {
  const names = r.grades.map((g) => g.grade);
  const known = new Set(names);
  const issue = (path: Array<string | number>, text: Message) => ctx.addIssue({ code: 'custom', path: ['rating', ...path], ...templateIssue(text) });
  r.grades.forEach((g, i) => {
    if (names.indexOf(g.grade) !== i) issue(['grades', i, 'grade'], msg('template.duplicateGrade', { grade: g.grade }));
    const prev = r.grades[i - 1];
    if (prev && prev.min < g.min) issue(['grades', i, 'min'], msg('template.gradeOrder'));
  });
  const ref = (g: string | undefined, path: Array<string | number>) => {
    if (g !== undefined && !known.has(g)) issue(path, msg('template.unknownGrade', { grade: g, grades: names.join(', ') }));
  };
  r.overall.forEach((rule, i) => {
    ref(rule.grade, ['overall', i, 'grade']);
    rule.limits.forEach((l, j) => ref(l.grade, ['overall', i, 'limits', j, 'grade']));
  });
  ref(r.keyItemCap, ['keyItemCap']);
  for (const k of SEVERITIES) ref(r.severityCaps[k], ['severityCaps', k]);
  ref(r.zeroTolerance.cap, ['zeroTolerance', 'cap']);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Section and item ids share one namespace. Works on unvalidated data too, so
 * an import can list repeated ids alongside every other error in one pass.
 */
export function duplicateIds(raw: unknown): Array<{ path: Array<string | number>; message: string; text: Message }> {
  const out: Array<{ path: Array<string | number>; message: string; text: Message }> = [];
  const seen = new Set<string>();
  const check = (node: unknown, path: Array<string | number>) => {
    if (!isRecord(node) || typeof node.id !== 'string') return;
    if (seen.has(node.id)) {
      const text = msg('template.duplicateId', { id: node.id });
      out.push({ path: [...path, 'id'], message: coreEnglish(text), text });
    }
    seen.add(node.id);
  };
  const sections = isRecord(raw) && Array.isArray(raw.sections) ? (raw.sections as unknown[]) : [];
  sections.forEach((s, si) => {
    check(s, ['sections', si]);
    const items = isRecord(s) && Array.isArray(s.items) ? (s.items as unknown[]) : [];
    items.forEach((it, ii) => check(it, ['sections', si, 'items', ii]));
  });
  return out;
}

export const Template = z
  .strictObject({
    schema: z.literal('fairsite.template/1'),
    key: id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, templateSays(msg('template.semver'))),
    name: text(200),
    description: text(4000).optional(),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).default('en'),
    bands: z.array(RatingBand).min(2).max(10).optional(),
    /** Without a scheme, the rating is the weighted mean of section percentages read against `bands` (templates before 2.0.0). */
    rating: RatingScheme.optional(),
    severities: SeverityDefinitions.optional(),
    sections: z.array(TemplateSection).min(1).max(50),
    /** Its human texts in other languages (translations.ts); clause references stay as the standards name them. */
    translations: Translations.optional(),
  })
  .superRefine((t, ctx) => {
    t.bands?.forEach((b, i, all) => {
      if (all.findIndex((x) => x.min === b.min || x.band === b.band) !== i) {
        ctx.addIssue({ code: 'custom', path: ['bands', i], ...templateIssue(msg('template.bandUnique')) });
      }
    });
    for (const d of duplicateIds(t)) ctx.addIssue({ code: 'custom', path: d.path, ...templateIssue(d.text) });
    if (t.rating) checkScheme(t.rating, ctx);
    for (const d of translationIssues(t)) ctx.addIssue({ code: 'custom', path: d.path, ...templateIssue(d.text) });
  });
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;

export function templateItems(t: Template): Array<{ section: TemplateSection; item: TemplateItem }> {
  return t.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}
