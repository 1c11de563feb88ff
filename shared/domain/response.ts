import { z } from 'zod';
import { ComplianceAnswer, Severity } from '../template/schema';
import { Id, IsoDate, longText, shortText } from './common';
import { WagePeriod } from './legal-profile';
import { says } from '../schema-messages';

/** Hours a worker can work in 7 days: 7 × 24. */
export const HOURS_IN_WEEK = 168;
/** The longest daily record an hours row holds (ETI 6.6: two days off in 14). */
export const DAYS_RECORDED = 14;

// A figure not yet entered is null: an incomplete row is not judged.
const hoursField = (max: number) => z.number().min(0, says('negative')).max(max, says('schema.hoursMax', { max })).nullable();

/** One sampled worker-week (ETI 6 working hours), optionally with a 14-day daily record. */
export const HoursRow = z
  .strictObject({
    worker: shortText(40),
    weekStart: IsoDate.or(z.literal('')),
    contracted: hoursField(HOURS_IN_WEEK),
    overtime: hoursField(HOURS_IN_WEEK),
    daysWorked: z.number().int(says('schema.wholeDays')).min(0, says('negative')).max(7, says('schema.daysIn7')).nullable(),
    /** Whether the overtime was voluntary: null until the auditor has found out. */
    voluntary: z.boolean().nullable(),
    /** Hours worked on each day from weekStart (0: a day off, null: not recorded). */
    days: z.array(hoursField(24)).max(DAYS_RECORDED).optional(),
  })
  .refine((r) => r.contracted === null || r.overtime === null || r.contracted + r.overtime <= HOURS_IN_WEEK, {
    path: ['overtime'], ...says('schema.weekHours', { max: HOURS_IN_WEEK }),
  });
export type HoursRow = z.infer<typeof HoursRow>;

const money = () => z.number().min(0, says('negative')).max(1e9).nullable();

/** One sampled worker's pay for a period (ETI 5 wages). */
export const WageRow = z.strictObject({
  worker: shortText(40),
  /** The period `basePay` is paid per: an hourly or daily rate, a weekly or monthly salary. */
  period: WagePeriod,
  basePay: money(),
  /** Regular hours paid in the pay period. */
  regularHours: hoursField(744),
  overtimeHours: hoursField(744),
  overtimePay: money(),
  /** Days worked in the pay period. */
  daysWorked: z.number().int(says('schema.wholeDays')).min(0, says('negative')).max(31, says('schema.daysMax', { max: 31 })).nullable().optional(),
  /** Hours on the time record for the pay period, to compare with the hours paid. */
  recordedHours: hoursField(744).optional(),
  /** Hours worked in the legal night window, and the night differential paid for them. */
  nightHours: hoursField(744).optional(),
  nightPay: money().optional(),
});
export type WageRow = z.infer<typeof WageRow>;

export const ResponseValue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('compliance'), answer: ComplianceAnswer }),
  z.strictObject({ kind: z.literal('number'), value: z.number().finite() }),
  z.strictObject({ kind: z.literal('wage'), rows: z.array(WageRow).max(500) }),
  z.strictObject({ kind: z.literal('hours'), rows: z.array(HoursRow).max(2000) }),
  z.strictObject({ kind: z.literal('choice'), selected: z.array(shortText(64)).max(30) }),
  z.strictObject({ kind: z.literal('text'), text: longText(20_000) }),
]);
export type ResponseValue = z.infer<typeof ResponseValue>;

export const ResponseInput = z.strictObject({
  auditId: Id,
  itemId: z.string().max(64),
  value: ResponseValue.nullable(),
  note: longText(20_000).default(''),
  severity: Severity.nullable().default(null),
  zeroTolerance: z.boolean().default(false),
});
export type ResponseInput = z.infer<typeof ResponseInput>;

export const Response = ResponseInput.extend({ id: Id, updatedAt: z.string(), updatedBy: z.string() });
export type Response = z.infer<typeof Response>;
