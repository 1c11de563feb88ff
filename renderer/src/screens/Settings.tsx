import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/domain/profile';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { ProfileForm } from '../forms/ProfileForm';
import { CredentialsPanel } from '../forms/CredentialsForm';
import { CertificatePanel } from '../report/CertificatePanel';
import { EvidenceSettingsPanel } from '../evidence/EvidenceSettingsPanel';
import { KeyProtectionPanel } from '../keys/KeyProtectionPanel';
import { EnrolmentPanel } from './EnrolmentPanel';
import { ImportHqConfigPanel } from './ImportHqConfigPanel';
import { LanguagePanel } from '../i18n/LanguagePanel';

export function Settings({ profile, onProfile }: { profile: Profile; onProfile(p: Profile): void }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [info, reload] = useAsync(() => client.call('app.info', {}), 'info');
  const [saved, setSaved] = useState(false);
  return (
    <div className="page page--narrow">
      <h1>{t('laptopSettings.title')}</h1>
      <LanguagePanel />
      <section className="panel" aria-labelledby="profile-h">
        <h2 id="profile-h">{t('laptopSettings.profile')}</h2>
        {saved && <p className="banner banner--ok" role="status">{t('laptopSettings.profileSaved')}</p>}
        <ProfileForm initial={profile} submitLabel={t('laptopSettings.saveProfile')} onSaved={(p) => { setSaved(true); onProfile(p); }} />
        <dl className="kv">
          <dt>{t('laptopSettings.fingerprint')}</dt><dd><code className="fingerprint">{profile.keyFingerprint}</code></dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="credentials-h">
        <h2 id="credentials-h">{t('laptopSettings.credentials')}</h2>
        <p className="text-muted">{t('laptopSettings.credentialsLead')}</p>
        <CredentialsPanel />
      </section>
      <section className="panel" aria-labelledby="data-h">
        <h2 id="data-h">{t('laptopSettings.data')}</h2>
        {info.status === 'loading' && <Loading what={t('laptopSettings.loadingInfo')} />}
        {info.status === 'error' && <ErrorPanel error={info.error} onRetry={reload} />}
        {info.status === 'ready' && (
          <dl className="kv">
            <dt>{t('laptopSettings.dataFolder')}</dt><dd><code data-testid="data-dir">{info.value.dataDir}</code></dd>
            <dt>{t('laptopSettings.database')}</dt><dd>{t('laptopSettings.databaseValue', { path: info.value.databasePath, schema: info.value.schemaVersion })}</dd>
            <dt>{t('laptopSettings.version')}</dt><dd>{info.value.version}</dd>
          </dl>
        )}
      </section>
      <KeyProtectionPanel />
      <EnrolmentPanel />
      <ImportHqConfigPanel />
      <CertificatePanel />
      <EvidenceSettingsPanel />
    </div>
  );
}
