// A finding the app computed from the records is stored with its English
// sentence; a report in another language says it again from the same check,
// in that language. An auditor's own words are printed as written.
import { itemFinding } from '../../../shared/checks';
import type { Finding } from '../../../shared/domain/finding';
import type { HoursRow, Response } from '../../../shared/domain/response';
import type { Site } from '../../../shared/domain/site';
import type { Message } from '../../../shared/messages';
import type { TemplateItem } from '../../../shared/template/schema';
import { say } from './messages';
import { reportLanguage } from './strings';

/** The computed finding's detail (without its prompt) in the report's language, or null to keep the stored text. */
export function checkFindingDetail(f: Finding, item: TemplateItem | undefined, response: Response | undefined, site: Site, hours: readonly HoursRow[]): string | null {
  if (reportLanguage() === 'en' || f.source !== 'check' || !item || !response) return null;
  const detail = itemFinding(item, response, site, { hours })?.text?.params?.detail;
  return detail && typeof detail === 'object' && !Array.isArray(detail) ? say(detail as Message) : null;
}
