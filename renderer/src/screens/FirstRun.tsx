import { useState } from 'react';
import type { Profile } from '../../../shared/domain/profile';
import { ProfileForm } from '../forms/ProfileForm';

export function FirstRun({ onDone }: { onDone(p: Profile): void }) {
  const [saved, setSaved] = useState<Profile | null>(null);
  return (
    <main className="first-run" id="main">
      <div className="first-run__panel">
        <p className="brand brand--large">Fairsite</p>
        {!saved ? (
          <>
            <h1>Welcome. Who is auditing?</h1>
            <p className="text-muted">Your profile goes on every report you sign. The app makes your personal signing key on this computer when you save; it never leaves it.</p>
            <ProfileForm initial={null} submitLabel="Save and create my signing key" onSaved={setSaved} />
          </>
        ) : (
          <>
            <h1>Your signing key is ready</h1>
            <p>Reports and sync bundles you finalize are signed with this key. Headquarters can check the fingerprint below against the one you give them.</p>
            <dl className="kv">
              <dt>Auditor</dt><dd>{saved.name} ({saved.auditorId}), {saved.organisation}</dd>
              <dt>Key fingerprint</dt><dd><code className="fingerprint" data-testid="fingerprint">{saved.keyFingerprint}</code></dd>
            </dl>
            <div className="form__actions">
              <button type="button" className="btn btn--primary" onClick={() => onDone(saved)}>Continue to audits</button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
