// What this installation is decides which app opens: headquarters has its
// own navigation and screens; a laptop (or a first run that chooses it)
// gets the auditor's app as before.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import './hq.css';

// Headquarters' screens load only in HQ mode: a laptop never downloads them.
const HqApp = lazy(() => import('./HqApp').then((m) => ({ default: m.HqApp })));
// The first run's question is asked once in the life of an installation: its
// forms stay out of the code every start loads.
const ChooseInstallation = lazy(() => import('../screens/FirstRun').then((m) => ({ default: m.ChooseInstallation })));

export function Installation({ children }: { children: ReactNode }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [state, reload] = useAsync(() => client.call('install.get', {}), 'install', () => client.taken('install.get', {}));
  if (state.status === 'loading') return <main id="main" className="page"><Loading what={t('install.loading')} /></main>;
  if (state.status === 'error') return <main id="main" className="page"><ErrorPanel error={state.error} onRetry={reload} /></main>;
  if (state.value.role === null) return <Suspense fallback={<main id="main" className="page"><Loading what={t('install.loading')} /></main>}><ChooseInstallation onChosen={reload} /></Suspense>;
  if (state.value.role === 'hq') return <Suspense fallback={<main id="main" className="page"><Loading what={t('install.loadingHq')} /></main>}><HqApp /></Suspense>;
  return <>{children}</>;
}
