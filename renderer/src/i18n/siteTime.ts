// A moment as the people at the site lived it: formatted by Intl in the
// site's IANA time zone (not this machine's), in the UI language, with the
// zone named. A site recorded before zones were kept shows UTC, named so.
import type { i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { initI18n } from './index';

export function siteTime(iso: string, zone: string | undefined, instance: i18n = initI18n()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tz = zone || 'UTC';
  const time = new Intl.DateTimeFormat(instance.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(d);
  return instance.t('zone.at', { ns: 'zone', time, zone: tz });
}

/** `siteTime` in the current UI language, re-rendering when it changes. */
export function useSiteTime(zone: string | undefined): (iso: string) => string {
  const { i18n: instance } = useTranslation('zone');
  return (iso) => siteTime(iso, zone, instance);
}
