// Headquarters mode: its own navigation and screens (the auditor's screens
// are not shown here). Every screen reads through the hq.* operations.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hqHref, useHqRoute, type HqRoute } from './routes';
import { InboxScreen } from './InboxScreen';
import { AuditorsScreen } from './AuditorsScreen';
import { HqSettings } from './HqSettings';
import { AuditsScreen } from './AuditsScreen';
import { AuditView } from './AuditView';
import { DiffScreen } from './DiffScreen';
import { SitesScreen } from './SitesScreen';
import { TrackerScreen } from './TrackerScreen';
import { DashboardScreen } from './DashboardScreen';
import { Freshness } from './Freshness';
import { HqDataGeneration } from './dataVersion';

const NAV: Array<HqRoute['name']> = ['dashboard', 'inbox', 'auditors', 'audits', 'sites', 'tracker', 'settings'];

export function HqApp() {
  const { t } = useTranslation('hq');
  const route = useHqRoute();
  const section = route.name === 'audit' || route.name === 'diff' ? 'audits' : route.name;
  // Bumped when a refresh brought new data: the open screen reads it again in place (filters and scroll kept).
  const [generation, setGeneration] = useState(0);
  const newData = useCallback(() => setGeneration((n) => n + 1), []);
  return (
    <div className="shell shell--hq">
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <header className="topbar">
        <a className="brand" href={hqHref({ name: 'dashboard' })}>Fairsite <span className="brand__role">{t('nav.hq')}</span></a>
        <nav aria-label={t('nav.label')}>
          {NAV.map((n) => (
            <a key={n} href={hqHref({ name: n } as HqRoute)} aria-current={section === n ? 'page' : undefined}>{t(`nav.${n}`)}</a>
          ))}
        </nav>
      </header>
      <Freshness onNewData={newData} />
      <main id="main" tabIndex={-1}>
        <HqDataGeneration.Provider value={generation}>
          <HqScreen route={route} />
        </HqDataGeneration.Provider>
      </main>
    </div>
  );
}

function HqScreen({ route }: { route: HqRoute }) {
  switch (route.name) {
    case 'inbox': return <InboxScreen />;
    case 'auditors': return <AuditorsScreen />;
    case 'settings': return <HqSettings />;
    case 'audits': return <AuditsScreen />;
    case 'audit': return <AuditView auditId={route.auditId} />;
    case 'diff': return <DiffScreen auditId={route.auditId} />;
    case 'sites': return <SitesScreen />;
    case 'tracker': return <TrackerScreen />;
    case 'dashboard': return <DashboardScreen />;
  }
}
