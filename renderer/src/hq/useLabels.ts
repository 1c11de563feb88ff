// The names HQ shows for ids and stored values (section titles, prompts,
// choice option labels) from the template HQ holds, in the UI language where
// the template has it. Until they arrive, or for a template HQ does not know,
// the screens show what they had: the ids and values themselves.
import { useTranslation } from 'react-i18next';
import type { HqLabels } from '../../../shared/domain/hq-labels';
import { useClient } from '../api/context';
import { useAsync } from '../app/useAsync';
import { hqCall } from './hqCall';

/** A language tag the template schema accepts ("es", "fr-CA"); anything else by its base language. */
const templateTag = (lang: string) => (/^[a-z]{2}(-[A-Z]{2})?$/.test(lang) ? lang : lang.slice(0, 2).toLowerCase());

/** Labels of one audit's template, or of every current audit's template (no id). */
export function useHqLabels(auditId?: string): HqLabels | null {
  const client = useClient();
  const { i18n } = useTranslation('hq');
  const language = templateTag(i18n.language);
  const [labels] = useAsync(() => hqCall(client, 'hq.labels', { ...(auditId ? { auditId } : {}), language }), `${auditId ?? '*'}:${language}`);
  return labels.status === 'ready' ? labels.value : null;
}

/** A choice's selected values as the template's option labels (a value it does not name stays as stored). */
export function optionLabels(labels: HqLabels | null, itemId: string): Record<string, string> | undefined {
  return labels?.items[itemId]?.options;
}
