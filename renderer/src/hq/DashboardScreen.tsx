// The numbers a compliance manager puts in a board report: totals, bands by
// client and country, findings by clause and section, the non-compliances
// found at most sites, and overdue actions by site.
import { useTranslation } from 'react-i18next';
import type { HqDashboard } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { StackedBars, type Series } from './Charts';
import { useFormat } from './format';
import { hqCall } from './hqCall';
import { hqHref } from './routes';
import { useHqLabels } from './useLabels';

// Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics).
const BAND_COLORS = ['#1f6f43', '#2f7d8c', '#8a6d00', '#b45309', '#9b1c1c', '#5b6472', '#4b3f8f'];
const SEV_COLORS: Record<string, string> = { critical: '#9b1c1c', major: '#b45309', minor: '#5b6472' };

function bandSeries(groups: Array<{ bands: Array<{ key: string }> }>): Series[] {
  const keys = [...new Set(groups.flatMap((g) => g.bands.map((b) => b.key)))].sort();
  return keys.map((k, i) => ({ key: k, label: k, color: BAND_COLORS[i % BAND_COLORS.length]! }));
}

export function DashboardScreen() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [d, reload] = useAsync(() => hqCall(client, 'hq.dashboard', { filter: {}, top: 10 }), 'dashboard');
  useReloadOnNewData(reload);
  return (
    <div className="page">
      <h1>{t('dashboard.title')}</h1>
      {d.status === 'loading' && <Loading what={t('dashboard.loading')} />}
      {d.status === 'error' && <ErrorPanel error={d.error} onRetry={reload} />}
      {d.status === 'ready' && <Dashboard d={d.value} />}
    </div>
  );
}

function Dashboard({ d }: { d: HqDashboard }) {
  const { t } = useTranslation('hq');
  const f = useFormat();
  // Sections by their titles and items by their prompts, in the UI language where the templates have it.
  const labels = useHqLabels();
  const sectionTitle = (id: string) => labels?.sections[id] ?? id;
  const promptOf = (itemId: string, stored: string | null) => labels?.items[itemId]?.prompt ?? stored;
  const sev: Series[] = (['critical', 'major', 'minor'] as const).map((k) => ({ key: k, label: t(`severity.${k}`), color: SEV_COLORS[k]! }));
  const tot = d.totals;
  const tiles: Array<[string, number, string?]> = [
    ['dashboard.audits', tot.audits, hqHref({ name: 'audits' })], ['dashboard.finalized', tot.finalized], ['dashboard.sites', tot.sites, hqHref({ name: 'sites' })],
    ['dashboard.openCritical', tot.openFindings.critical, hqHref({ name: 'tracker' })], ['dashboard.openMajor', tot.openFindings.major, hqHref({ name: 'tracker' })],
    ['dashboard.overdue', tot.overdueActions, hqHref({ name: 'tracker' })], ['dashboard.zt', tot.zeroToleranceAlerts, hqHref({ name: 'tracker' })], ['dashboard.conflicts', tot.conflicts, hqHref({ name: 'inbox' })],
  ];
  const bandsClient = bandSeries(d.bandsByClient);
  const bandsCountry = bandSeries(d.bandsByCountry);
  const values = (bands: Array<{ key: string; count: number }>) => Object.fromEntries(bands.map((b) => [b.key, b.count]));
  return (
    <>
      <ul className="tiles" aria-label={t('dashboard.totals')}>
        {tiles.map(([key, n, href]) => (
          <li key={key} className="tile"><span className="tile__n">{f.number(n)}</span> {href ? <a href={href}>{t(key)}</a> : <span>{t(key)}</span>}</li>
        ))}
      </ul>
      <div className="charts">
        <StackedBars title={t('dashboard.bandsByClient')} series={bandsClient} empty={t('dashboard.noData')} rows={d.bandsByClient.map((g) => ({ label: g.client, values: values(g.bands) }))} />
        <StackedBars title={t('dashboard.bandsByCountry')} series={bandsCountry} empty={t('dashboard.noData')} rows={d.bandsByCountry.map((g) => ({ label: g.country, values: values(g.bands) }))} />
        <StackedBars title={t('dashboard.findingsByClause')} series={sev} empty={t('dashboard.noData')} rows={d.findingsByClause.map((g) => ({ label: g.clause, values: g.counts }))} />
        <StackedBars title={t('dashboard.findingsBySection')} series={sev} empty={t('dashboard.noData')} rows={d.findingsBySection.map((g) => ({ label: sectionTitle(g.sectionId), values: g.counts }))} />
        <StackedBars title={t('dashboard.topRecurring')} empty={t('dashboard.noData')} series={[{ key: 'sites', label: t('dashboard.sitesSeries'), color: '#1f5f8b' }]}
          rows={d.topRecurring.map((g) => {
            const p = promptOf(g.itemId, g.prompt);
            return { label: p ? `${g.itemId} ${p}` : g.itemId, values: { sites: g.sites } };
          })} />
        <StackedBars title={t('dashboard.overdueBySite')} empty={t('dashboard.noData')} series={[{ key: 'overdue', label: t('dashboard.overdueSeries'), color: '#9b1c1c' }]}
          rows={d.overdueBySite.map((g) => ({ label: g.siteName, values: { overdue: g.overdue } }))} />
      </div>
    </>
  );
}
