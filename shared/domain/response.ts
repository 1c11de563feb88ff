import { z } from 'zod';
import { ComplianceAnswer, Severity } from '../template/schema';
import { Id, IsoDate, longText, shortText } from './common';

/** One sampled worker-week (ETI 6 working hours). */
export const HoursRow = z.strictObject({
  worker: shortText(40),
  weekStart: IsoDate.or(z.literal('')),
  contracted: z.number().min(0).max(168),
  overtime: z.number().min(0).max(168),
  daysWorked: z.number().int().min(0).max(7),
  voluntary: z.boolean(),
});
export type HoursRow = z.infer<typeof HoursRow>;

/** One sampled worker's pay for a period (ETI 5 wages). */
export const WageRow = z.strictObject({
  worker: shortText(40),
  period: z.enum(['hour', 'month']),
  basePay: z.number().min(0).max(1e9),
  regularHours: z.number().min(0).max(744),
  overtimeHours: z.number().min(0).max(744),
  overtimePay: z.number().min(0).max(1e9),
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
