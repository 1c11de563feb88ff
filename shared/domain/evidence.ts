// Evidence gathered on site: photos (content-addressed), documents reviewed
// and worker interviews. Interview notes are private: only excerpts the
// auditor marks for inclusion ever leave the laptop (see interviewsForExport).
import { z } from 'zod';
import { Id, longText, requiredText, shortText } from './common';
import { says } from '../schema-messages';

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, says('schema.sha256'));

/** What a photo is attached to. A finding's photo is also evidence of its item. */
export const PhotoTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('audit') }),
  z.strictObject({ kind: z.literal('section'), sectionId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('item'), itemId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('finding'), findingId: Id }),
  z.strictObject({ kind: z.literal('document'), documentId: Id }),
]);
export type PhotoTarget = z.infer<typeof PhotoTarget>;

export const SHAPE_COLORS = ['red', 'yellow', 'blue', 'green', 'white', 'black'] as const;
const Unit = z.number().min(0).max(1);
const Color = z.enum(SHAPE_COLORS).default('red');

/** Annotation shapes, in coordinates 0..1 of the upright picture's width and height. */
export const Shape = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('arrow'), x1: Unit, y1: Unit, x2: Unit, y2: Unit, color: Color }),
  z.strictObject({ type: z.literal('circle'), cx: Unit, cy: Unit, r: z.number().min(0.002).max(1), color: Color }),
  z.strictObject({ type: z.literal('rect'), x: Unit, y: Unit, w: Unit, h: Unit, color: Color }),
  z.strictObject({ type: z.literal('text'), x: Unit, y: Unit, text: requiredText(200), color: Color }),
]);
export type Shape = z.infer<typeof Shape>;
export type ShapeInput = z.input<typeof Shape>;

export const Gps = z.object({ lat: z.number(), lon: z.number(), alt: z.number().nullable() });

export const Photo = z.object({
  id: Id,
  auditId: Id,
  sha256: Sha256,
  target: PhotoTarget,
  /** The checklist item a photo is evidence of (its own, or its finding's), else null. */
  itemId: z.string().nullable(),
  caption: z.string(),
  /** EXIF DateTimeOriginal (the camera's clock, with its offset when recorded), else when it was added (UTC). */
  capturedAt: z.string(),
  captureSource: z.enum(['exif', 'added']),
  originalName: z.string(),
  format: z.string(),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  gps: Gps.nullable(),
  annotatedSha256: Sha256.nullable(),
  annotation: z.array(Shape).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Photo = z.infer<typeof Photo>;

export const EvidenceSettings = z.strictObject({
  /** Whether reports may print the GPS position read from a photo. */
  reportShowsGps: z.boolean(),
  /** Largest photo accepted, in MB. */
  maxPhotoMB: z.number().int().min(1).max(500),
});
export type EvidenceSettings = z.infer<typeof EvidenceSettings>;

export const DOCUMENT_KINDS = ['payroll_sample', 'time_records', 'contracts', 'policies', 'licences', 'training_records', 'other'] as const;
export const DOCUMENT_KIND_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  payroll_sample: 'Payroll sample', time_records: 'Time records', contracts: 'Contracts', policies: 'Policies',
  licences: 'Licences', training_records: 'Training records', other: 'Other',
};

export const DocumentInput = z.strictObject({
  id: Id.optional(),
  auditId: Id,
  kind: z.enum(DOCUMENT_KINDS),
  title: requiredText(200),
  notes: longText(50_000).default(''),
  itemIds: z.array(z.string().min(1).max(64)).max(500).default([]),
});
export type DocumentInput = z.infer<typeof DocumentInput>;
export const ReviewedDocument = DocumentInput.extend({ id: Id, createdAt: z.string(), updatedAt: z.string() });
export type ReviewedDocument = z.infer<typeof ReviewedDocument>;

/** W-07, G-02: a pseudonymous code, never a name. */
export const InterviewCode = z.string().trim().regex(/^[A-Z]{1,3}-\d{1,4}$/, says('schema.interviewCode'));
export const TENURE_BANDS = ['', 'under_3_months', '3_to_12_months', '1_to_3_years', 'over_3_years'] as const;

export const Excerpt = z.strictObject({
  text: requiredText(2000),
  /** Only excerpts marked here may appear in a report or bundle. */
  include: z.boolean(),
});
export type Excerpt = z.infer<typeof Excerpt>;

export const InterviewInput = z.strictObject({
  id: Id.optional(),
  auditId: Id,
  code: InterviewCode,
  type: z.enum(['individual', 'group']),
  role: shortText(120).default(''),
  tenureBand: z.enum(TENURE_BANDS).default(''),
  language: shortText(60).default(''),
  interviewer: shortText(120).default(''),
  consent: z.boolean(),
  topics: z.array(requiredText(80)).max(50).default([]),
  /** Item ids of the findings this interview supports. */
  findingsRaised: z.array(z.string().min(1).max(64)).max(200).default([]),
  notes: longText(50_000).default(''),
  excerpts: z.array(Excerpt).max(50).default([]),
});
export type InterviewInput = z.infer<typeof InterviewInput>;
export type InterviewFormInput = z.input<typeof InterviewInput>;
export const Interview = InterviewInput.extend({ id: Id, createdAt: z.string(), updatedAt: z.string() });
export type Interview = z.infer<typeof Interview>;

/** What a report or bundle may carry about interviews: counts, themes and marked excerpts only. */
export const InterviewsExport = z.object({
  total: z.number().int(),
  individual: z.number().int(),
  group: z.number().int(),
  withConsent: z.number().int(),
  themes: z.array(z.object({ topic: z.string(), count: z.number().int() })),
  findingsRaised: z.array(z.object({ itemId: z.string(), count: z.number().int() })),
  excerpts: z.array(z.object({ code: z.string(), text: z.string() })),
});
export type InterviewsExport = z.infer<typeof InterviewsExport>;
