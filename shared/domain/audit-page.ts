// The home screen's groups and page size, as plain constants: the screen is in
// the code every start loads, and importing them from audit-list.ts would
// build every domain schema (zod) before its first paint.

/** In progress (whatever was sent of it), finalized and not yet sent, finalized and sent. */
export const AUDIT_GROUPS = ['progress', 'finalized', 'sent'] as const;

export const BROWSE_PAGE = 30;
