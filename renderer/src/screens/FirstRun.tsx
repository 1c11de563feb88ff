import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/domain/profile';
import type { InstallRole } from '../../../shared/contract/install-ops';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { useAction } from '../app/useAction';
import { ProfileForm } from '../forms/ProfileForm';

/** The very first question: an auditor's laptop or headquarters (asked once, kept). */
export function ChooseInstallation({ onChosen }: { onChosen(role: InstallRole): void }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const action = useAction();
  const [error, setError] = useState<unknown>(null);
  const choose = (role: InstallRole) => action.run(async () => {
    setError(null);
    try {
      await client.call('install.choose', { role });
      onChosen(role);
    } catch (e) {
      setError(e);
    }
  });
  return (
    <main className="first-run" id="main">
      <div className="first-run__panel">
        <p className="brand brand--large">Fairsite</p>
        <h1>{t('install.title')}</h1>
        <p className="text-muted">{t('install.lead')}</p>
        <div className="role-choice">
          {(['laptop', 'hq'] as const).map((role) => (
            <div key={role} className="role-choice__option">
              <button type="button" className="btn btn--primary role-choice__btn" disabled={action.busy} onClick={() => void choose(role)} aria-describedby={`role-${role}-d`}>{t(`install.${role}`)}</button>
              <p id={`role-${role}-d`}>{t(`install.${role}Hint`)}</p>
            </div>
          ))}
        </div>
        {error !== null && <ErrorPanel error={error} />}
      </div>
    </main>
  );
}

export function FirstRun({ onDone }: { onDone(p: Profile): void }) {
  const { t } = useTranslation('hq');
  const [saved, setSaved] = useState<Profile | null>(null);
  return (
    <main className="first-run" id="main">
      <div className="first-run__panel">
        <p className="brand brand--large">Fairsite</p>
        {!saved ? (
          <>
            <h1>{t('firstRun.title')}</h1>
            <p className="text-muted">{t('firstRun.lead')}</p>
            <ProfileForm initial={null} submitLabel={t('firstRun.save')} onSaved={setSaved} />
          </>
        ) : (
          <>
            <h1>{t('firstRun.keyReady')}</h1>
            <p>{t('firstRun.keyReadyLead')}</p>
            <dl className="kv">
              <dt>{t('firstRun.auditor')}</dt><dd>{t('firstRun.auditorValue', { name: saved.name, auditorId: saved.auditorId, organisation: saved.organisation })}</dd>
              <dt>{t('firstRun.fingerprint')}</dt><dd><code className="fingerprint" data-testid="fingerprint">{saved.keyFingerprint}</code></dd>
            </dl>
            <div className="form__actions">
              <button type="button" className="btn btn--primary" onClick={() => onDone(saved)}>{t('firstRun.continue')}</button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
