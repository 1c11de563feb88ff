// The home screen's view of the audits: grouped by where the auditor's work
// stands, counted per group, a page of rows each, only what a row shows.
import { z } from 'zod';
import { Id, IsoDate } from './common';
import { AUDIT_TYPES, AuditQuery, AuditStatus } from './audit';
import { AUDIT_GROUPS, BROWSE_PAGE } from './audit-page';

export { AUDIT_GROUPS, BROWSE_PAGE };
export const AuditGroup = z.enum(AUDIT_GROUPS);
export type AuditGroup = z.infer<typeof AuditGroup>;

const RowsWanted = z.number().int().min(0).max(2000);

/** audits.list: every audit matching the filters, newest first, a page at a time when asked. */
export const AuditListQuery = AuditQuery.extend({
  limit: z.number().int().min(1).max(5000).optional(),
  /** The last audit of the page before (the next page starts after it, in newest-first order). */
  after: z.strictObject({ startDate: IsoDate, id: Id }).optional(),
});
export type AuditListQuery = z.input<typeof AuditListQuery>;

export const AuditBrowseQuery = AuditQuery.extend({
  /** How many rows of each group to return (the screen asks for more as the auditor scrolls). */
  rows: z.strictObject({ progress: RowsWanted.optional(), finalized: RowsWanted.optional(), sent: RowsWanted.optional() }).optional(),
});
export type AuditBrowseQuery = z.input<typeof AuditBrowseQuery>;

export const AuditListRow = z.object({
  id: Id,
  siteName: z.string(),
  clients: z.array(z.string()),
  country: z.string(),
  type: z.enum(AUDIT_TYPES),
  templateName: z.string(),
  startDate: IsoDate,
  status: AuditStatus,
  revision: z.number().int(),
  answered: z.number().int(),
  total: z.number().int(),
  findings: z.number().int(),
  /** A bundle with this audit reached headquarters (for one in progress: an earlier state of it). */
  sent: z.boolean(),
  lastChange: z.string(),
});
export type AuditListRow = z.infer<typeof AuditListRow>;

export const AuditBrowse = z.object({
  groups: z.array(z.object({ id: AuditGroup, count: z.number().int(), rows: z.array(AuditListRow) })),
});
export type AuditBrowse = z.infer<typeof AuditBrowse>;
