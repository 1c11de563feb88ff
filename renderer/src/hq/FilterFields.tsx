// The audit filters HQ's lists share, as choices rather than free text: the
// clients, countries, sites, auditors and bands come from the audits HQ holds
// (hq.filterOptions), dates from date inputs, and a period that ends before
// it starts is said here and never sent.
import { useTranslation } from 'react-i18next';
import type { HqAuditFilter } from '../../../shared/domain/hq';
import { HQ_AUDIT_STATUSES } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { hqCall } from './hqCall';

export const FILTER_KEYS = ['client', 'country', 'siteId', 'auditorId', 'band', 'status', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterDraft = Partial<Record<FilterKey, string>>;

/** The period's problem, if any (ISO dates compare as text). */
export const periodError = (d: FilterDraft): boolean => Boolean(d.from && d.to && d.from > d.to);

/** The draft as the contract's filter: empty choices do not narrow; only the keys asked for. */
export function draftToFilter(d: FilterDraft, keys: readonly FilterKey[] = FILTER_KEYS): Partial<HqAuditFilter> {
  const out: Record<string, string> = {};
  for (const k of keys) if (d[k]) out[k] = d[k];
  return out as Partial<HqAuditFilter>;
}

export function FilterFields({ value, onChange, keys = FILTER_KEYS, idPrefix }: {
  value: FilterDraft; onChange(next: FilterDraft): void; keys?: readonly FilterKey[]; idPrefix: string;
}) {
  const client = useClient();
  const { t, i18n } = useTranslation('hqcfg');
  const { t: th } = useTranslation('hq');
  const [options, reloadOptions] = useAsync(() => hqCall(client, 'hq.filterOptions', {}), 'filter-options');
  // A new site or client in another analyst's import becomes a choice.
  useReloadOnNewData(reloadOptions);
  const o = options.status === 'ready' ? options.value : { clients: [], countries: [], sites: [], auditors: [], bands: [] };
  const regionName = (() => {
    try { return new Intl.DisplayNames([i18n.language], { type: 'region' }); } catch { return null; }
  })();
  const choices: Record<Exclude<FilterKey, 'from' | 'to'>, Array<{ value: string; label: string }>> = {
    client: o.clients.map((c) => ({ value: c, label: c })),
    country: o.countries.map((c) => ({ value: c, label: t('filter.countryOption', { name: regionName?.of(c) ?? c, code: c }) })),
    // Two sites of one name (two laptops' records of look-alike sites) are told apart by their id.
    siteId: o.sites.map((s, _i, all) => ({
      value: s.siteId,
      label: all.filter((x) => x.name === s.name && x.country === s.country).length > 1
        ? t('filter.siteOptionId', { name: s.name, country: s.country, id: s.siteId.slice(-8) })
        : t('filter.siteOption', { name: s.name, country: s.country }),
    })),
    auditorId: o.auditors.map((a) => ({ value: a.auditorId, label: t('filter.auditorOption', { name: a.name, id: a.auditorId }) })),
    band: o.bands.map((b) => ({ value: b, label: b })),
    status: HQ_AUDIT_STATUSES.map((s) => ({ value: s, label: th(`auditStatus.${s}`) })),
  };
  const set = (k: FilterKey, v: string) => onChange({ ...value, [k]: v || undefined });
  const bad = periodError(value);
  return (
    <>
      {keys.map((k) => (
        <div className="field" key={k}>
          <label htmlFor={`${idPrefix}-${k}`}>{t(`filter.${k}`)}</label>
          {k === 'from' || k === 'to' ? (
            <input id={`${idPrefix}-${k}`} type="date" value={value[k] ?? ''} onChange={(e) => set(k, e.target.value)}
              aria-invalid={k === 'to' && bad ? true : undefined} aria-describedby={k === 'to' && bad ? `${idPrefix}-period` : undefined} />
          ) : (
            <select id={`${idPrefix}-${k}`} value={value[k] ?? ''} onChange={(e) => set(k, e.target.value)}>
              <option value="">{t('filter.any')}</option>
              {choices[k].map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </select>
          )}
        </div>
      ))}
      {bad && <p id={`${idPrefix}-period`} className="field__error" role="alert">{t('filter.periodBackwards')}</p>}
    </>
  );
}
