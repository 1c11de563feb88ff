import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/domain/profile';
import { useClient } from '../api/context';
import { Home } from '../screens/Home';
import { href, useRoute, type Route } from './router';
import { ErrorPanel, Loading } from './Status';
import { IntegrityBanner } from './IntegrityBanner';
import { useAsync } from './useAsync';
import { useAuditData, type AuditData } from './useAuditData';
import { ChecklistNamesProvider } from './checklistNames';

// The audits home is in the code every start loads; every other screen is a
// chunk of its own, fetched the first time it is opened (the walkthrough,
// evidence, findings, the summary with the report, sync, settings and the
// forms), so a start parses only what its first screen shows.
const FirstRun = lazy(() => import('../screens/FirstRun').then((m) => ({ default: m.FirstRun })));
const NewAudit = lazy(() => import('../screens/NewAudit').then((m) => ({ default: m.NewAudit })));
const Settings = lazy(() => import('../screens/Settings').then((m) => ({ default: m.Settings })));
const SyncScreen = lazy(() => import('../sync/SyncScreen').then((m) => ({ default: m.SyncScreen })));
const Walkthrough = lazy(() => import('../walkthrough/Walkthrough').then((m) => ({ default: m.Walkthrough })));
const Findings = lazy(() => import('../findings/Findings').then((m) => ({ default: m.Findings })));
const Summary = lazy(() => import('../summary/Summary').then((m) => ({ default: m.Summary })));
const EvidenceView = lazy(() => import('../evidence/EvidenceView').then((m) => ({ default: m.EvidenceView })));

/** Shown while a screen's code is fetched, the first time it is opened. */
function ScreenLoading() {
  const { t } = useTranslation('home');
  return <div className="page"><p className="loading" role="status">{t('screen.loading')}</p></div>;
}

export function App() {
  const client = useClient();
  const [profileState, reload] = useAsync(() => client.call('profile.get', {}), 'profile', () => client.taken('profile.get', {}));
  const [profile, setProfile] = useState<Profile | null>(null);
  const route = useRoute();
  const { t } = useTranslation();

  if (profileState.status === 'loading') return <main id="main" className="page"><Loading what="Fairsite" /></main>;
  if (profileState.status === 'error') return <main id="main" className="page"><ErrorPanel error={profileState.error} onRetry={reload} /></main>;
  const me = profile ?? profileState.value;
  if (!me) return <Suspense fallback={<ScreenLoading />}><FirstRun onDone={setProfile} /></Suspense>;

  return (
    <div className="shell">
      <a className="skip" href="#main">{t('app.skip')}</a>
      <header className="topbar">
        <a className="brand" href={href({ name: 'home' })}>Fairsite</a>
        <nav aria-label={t('nav.main')}>
          <a href={href({ name: 'home' })} aria-current={route.name === 'home' ? 'page' : undefined}>{t('nav.audits')}</a>
          <a href={href({ name: 'new' })} aria-current={route.name === 'new' ? 'page' : undefined}>{t('nav.newAudit')}</a>
          <a href={href({ name: 'sync' })} aria-current={route.name === 'sync' ? 'page' : undefined}>{t('nav.sync')}</a>
          <a href={href({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>{t('nav.settings')}</a>
        </nav>
        <span className="topbar__who">{me.name} · {me.auditorId}</span>
      </header>
      <main id="main" tabIndex={-1}>
        <IntegrityBanner />
        <Suspense fallback={<ScreenLoading />}>
          <Screen route={route} profile={me} onProfile={setProfile} />
        </Suspense>
      </main>
    </div>
  );
}

function Screen({ route, profile, onProfile }: { route: Route; profile: Profile; onProfile(p: Profile): void }) {
  switch (route.name) {
    case 'home': return <Home />;
    case 'new': return <NewAudit />;
    case 'settings': return <Settings profile={profile} onProfile={onProfile} />;
    case 'sync': return <SyncScreen />;
    default: return <AuditScreen route={route} />;
  }
}

function AuditScreen({ route }: { route: Extract<Route, { auditId: string }> }) {
  const [version, setVersion] = useState(0);
  const [data, reload] = useAuditData(route.auditId, `${version}:${route.name}`);
  if (data.status === 'loading') return <div className="page"><Loading what="the audit" /></div>;
  if (data.status === 'error') return <div className="page"><ErrorPanel error={data.error} onRetry={reload} /></div>;
  return <ChecklistNamesProvider template={data.value.template}><AuditRoute route={route} data={data.value} onChanged={() => setVersion((v) => v + 1)} /></ChecklistNamesProvider>;
}

function AuditRoute({ route, data, onChanged }: { route: Extract<Route, { auditId: string }>; data: AuditData; onChanged(): void }) {
  switch (route.name) {
    case 'walk': return <Walkthrough data={data} itemId={route.itemId} />;
    case 'findings': return <Findings data={data} />;
    case 'summary': return <Summary data={data} onChanged={onChanged} />;
    case 'evidence': return <EvidenceView data={data} />;
  }
}
