// The audit's site and workforce profile and declaration, loaded from the
// core (suggested from the site record until first saved) and edited with
// the same form as at the start of the audit.
import { useState } from 'react';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { SiteProfileForm } from '../forms/SiteProfileForm';
import type { AuditProfile } from '../../../shared/domain/audit-profile';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../i18n/format';

interface Props {
  auditId: string;
  finalized: boolean;
  /** At the start of an audit: a different button and a way to skip. */
  onDone?: ((p: AuditProfile | null) => void) | undefined;
}

export function AuditProfilePanel({ auditId, finalized, onDone }: Props) {
  const client = useClient();
  const { t } = useTranslation('report');
  const f = useLocaleFormat();
  const [state, reload] = useAsync(() => client.call('auditProfile.get', { auditId }), auditId);
  const [saved, setSaved] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading what={t('profile.what')} />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={reload} />;
  if (!state.value) return null;
  return (
    <>
      {saved && <p className="banner banner--ok" role="status">{t('profile.saved', { time: saved })}</p>}
      <SiteProfileForm
        initial={state.value}
        readOnly={finalized}
        submitLabel={onDone ? t('profile.saveStart') : t('profile.save')}
        onCancel={onDone ? () => onDone(null) : undefined}
        onSaved={(p) => { setSaved(f.time(new Date())); onDone?.(p); }}
      />
    </>
  );
}
