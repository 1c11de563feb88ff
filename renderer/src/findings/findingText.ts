// A finding's summary in the UI language. A finding the app computed from
// the records (a wage or hours breach, a reading over its limit) is stored
// with its English sentence; it is said again from the same check, so the
// auditor reads it in her language. An auditor's own words stay as written.
import { itemFinding } from '../../../shared/checks';
import type { AuditDetail } from '../../../shared/domain/audit';
import type { Finding } from '../../../shared/domain/finding';
import type { TemplateItem } from '../../../shared/template/schema';
import { sayMessage } from '../i18n/messages';

export function findingSummary(f: Finding, detail: AuditDetail, item: TemplateItem | undefined): string {
  if (f.source !== 'check' || !item) return f.summary;
  const response = detail.responses.find((r) => r.itemId === f.itemId);
  const hoursValue = detail.responses.find((r) => r.value?.kind === 'hours')?.value;
  const hours = hoursValue?.kind === 'hours' ? hoursValue.rows : undefined;
  const computed = response ? itemFinding(item, response, detail.site, { hours }) : null;
  return computed?.text ? sayMessage(computed.text) : f.summary;
}
