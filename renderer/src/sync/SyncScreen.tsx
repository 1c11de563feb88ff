// The laptop's sync screen: the outbox and where bundles go. Headquarters'
// side (import, enrolment) has its own installation mode and screens.
import { useTranslation } from 'react-i18next';
import { OutboxView } from './OutboxView';
import { SyncSettings } from './SyncSettings';

export function SyncScreen() {
  const { t } = useTranslation('hq');
  return (
    <div className="page page--narrow">
      <h1>{t('sync.title')}</h1>
      <OutboxView />
      <SyncSettings />
    </div>
  );
}
