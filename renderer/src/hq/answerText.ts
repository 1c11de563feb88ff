// One answer as words, for read-only views and the revision diff.
import type { TFunction } from 'i18next';
import type { ResponseValue } from '../../../shared/domain/response';
import type { Format } from './format';

/** `options`: the item's choice labels by value (from the template HQ holds), when known. */
export function answerText(v: ResponseValue | null, t: TFunction<'hq'>, f: Format, options?: Record<string, string>): string {
  if (!v) return t('answer.none');
  switch (v.kind) {
    case 'compliance': return t(`answer.${v.answer}`);
    case 'number': return f.number(v.value);
    case 'wage': return t('answer.wageRows', { count: v.rows.length });
    case 'hours': return t('answer.hoursRows', { count: v.rows.length });
    case 'choice': return v.selected.length ? f.list(v.selected.map((x) => options?.[x] ?? x)) : t('answer.none');
    case 'text': return v.text || t('answer.none');
  }
}
