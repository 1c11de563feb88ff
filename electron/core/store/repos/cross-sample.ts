// The wage check's overtime cross-check reads the audit's hours sample: a
// worker with overtime there and none paid in the wage sample is a breach.
// Saving either sample brings the wage items' findings up to date.
import { stmt } from '../stmt';
import type { Core } from '../../core';
import type { HoursRow, Response } from '../../../../shared/domain/response';
import { itemFinding, type WageSite } from '../../../../shared/checks';
import { withDefaultSeverity } from '../../../../shared/scoring';
import { syncFinding } from './findings';
import { responseFromRow } from './rows';
import { loadTemplate } from './templates';

/** Every hours row of the audit (all hours items together). */
export function hoursSample(db: Core['db'], auditId: string): HoursRow[] {
  const rows = stmt(db, `SELECT value FROM responses WHERE audit_id = ? AND value LIKE '{"kind":"hours"%'`).pluck().all(auditId) as string[];
  return rows.flatMap((v) => (JSON.parse(v) as { rows: HoursRow[] }).rows);
}

export function recheckWageItems(core: Core, auditId: string, templateId: string, site: WageSite): void {
  const template = loadTemplate(core, templateId);
  const answers = (stmt(core.db, `SELECT * FROM responses WHERE audit_id = ? AND value LIKE '{"kind":"wage"%'`).all(auditId) as Array<Record<string, unknown>>)
    .map(responseFromRow);
  if (!answers.length) return;
  const hours = hoursSample(core.db, auditId);
  for (const r of answers as Response[]) {
    const entry = template.items.get(r.itemId);
    if (entry?.item.kind === 'wage') {
      syncFinding(core, r, entry.section.id, itemFinding(entry.item, withDefaultSeverity(entry.item, r), site, { hours }), undefined, entry.item.zeroTolerance);
    }
  }
}
