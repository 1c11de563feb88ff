import { useState } from 'react';
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
import { LanguagePanel } from '../i18n/LanguagePanel';

export function Settings({ profile, onProfile }: { profile: Profile; onProfile(p: Profile): void }) {
  const client = useClient();
  const [info, reload] = useAsync(() => client.call('app.info', {}), 'info');
  const [saved, setSaved] = useState(false);
  return (
    <div className="page page--narrow">
      <h1>Settings</h1>
      <LanguagePanel />
      <section className="panel" aria-labelledby="profile-h">
        <h2 id="profile-h">Auditor profile</h2>
        {saved && <p className="banner banner--ok" role="status">Profile saved.</p>}
        <ProfileForm initial={profile} submitLabel="Save profile" onSaved={(p) => { setSaved(true); onProfile(p); }} />
        <dl className="kv">
          <dt>Signing key fingerprint</dt><dd><code className="fingerprint">{profile.keyFingerprint}</code></dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="credentials-h">
        <h2 id="credentials-h">Credentials and independence</h2>
        <p className="text-muted">Printed in the auditor declaration of every report.</p>
        <CredentialsPanel />
      </section>
      <section className="panel" aria-labelledby="data-h">
        <h2 id="data-h">Data</h2>
        {info.status === 'loading' && <Loading what="app information" />}
        {info.status === 'error' && <ErrorPanel error={info.error} onRetry={reload} />}
        {info.status === 'ready' && (
          <dl className="kv">
            <dt>Data folder</dt><dd><code data-testid="data-dir">{info.value.dataDir}</code></dd>
            <dt>Database</dt><dd><code>{info.value.databasePath}</code> (schema {info.value.schemaVersion})</dd>
            <dt>App version</dt><dd>{info.value.version}</dd>
          </dl>
        )}
      </section>
      <KeyProtectionPanel />
      <EnrolmentPanel />
      <CertificatePanel />
      <EvidenceSettingsPanel />
    </div>
  );
}
