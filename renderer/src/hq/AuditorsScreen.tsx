// The auditors headquarters trusts: enrol one from the laptop's enrolment
// code, revoke a key, and see each one's last bundle and audits.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { useAction } from '../app/useAction';
import { ConfirmDialog } from './ConfirmDialog';
import { EnrolForm } from './EnrolForm';
import { AUDITORS_PAGE_HANDOVERS, AuditorHandovers, HandoversCut } from './HandoverHistory';
import { useFormat } from './format';
import { hqHref } from './routes';

export function AuditorsScreen() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const { t: tc } = useTranslation('hqcfg');
  const f = useFormat();
  const [data, reload] = useAsync(async () => {
    const [status, activity, handovers] = await Promise.all([client.call('hq.status', {}), client.call('hq.auditorActivity', {}), client.call('hq.handovers', { limit: AUDITORS_PAGE_HANDOVERS })]);
    return { auditors: status.auditors, activity: new Map(activity.map((a) => [a.fingerprint, a])), handovers };
  }, 'auditors');
  useReloadOnNewData(reload);
  const revoking = useAction();
  const [error, setError] = useState<unknown>(null);
  // The key whose revocation waits for an answer in the dialog.
  const [asking, setAsking] = useState<{ fingerprint: string; name: string } | null>(null);
  const revoke = (fingerprint: string) => revoking.run(async () => {
    setAsking(null);
    setError(null);
    try {
      await client.call('hq.revoke', { fingerprint });
      reload();
    } catch (e) {
      setError(e);
    }
  });

  return (
    <div className="page">
      <h1>{t('auditors.title')}</h1>
      {error !== null && <ErrorPanel error={error} />}
      {data.status === 'loading' && <Loading what={t('auditors.loading')} />}
      {data.status === 'error' && <ErrorPanel error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <section className="panel" aria-labelledby="enrolled-h">
          <h2 id="enrolled-h">{t('auditors.enrolled', { count: data.value.auditors.length })}</h2>
          {data.value.auditors.length === 0 && <p className="text-muted">{t('auditors.none')}</p>}
          <HandoversCut shown={data.value.handovers.length} />
          <ul className="auditor-list" aria-label={t('auditors.listLabel')}>
            {data.value.auditors.map((a) => {
              const act = data.value.activity.get(a.fingerprint);
              return (
                <li key={a.fingerprint} className="auditor">
                  <div className="auditor__head">
                    <strong>{t('auditors.who', { name: a.name, auditorId: a.auditorId })}</strong>
                    {a.revokedAt ? <span className="badge badge--rejected">{t('auditors.revokedOn', { when: f.dateTime(a.revokedAt) })}</span>
                      : <button type="button" className="btn btn--small btn--quiet" disabled={revoking.busy} onClick={() => setAsking({ fingerprint: a.fingerprint, name: a.name })}
                        aria-label={t('auditors.revokeLabel', { name: a.name })}>{t('auditors.revoke')}</button>}
                  </div>
                  <p className="text-muted">{t('auditors.key')} <code className="fingerprint">{a.displayFingerprint}</code> · {t('auditors.enrolledOn', { when: f.dateTime(a.enrolledAt) })}</p>
                  <p>{act?.lastBundleAt
                    ? t('auditors.lastBundle', { count: act.bundles, when: f.dateTime(act.lastBundleAt), bundle: act.lastBundleId?.slice(0, 8) ?? '' })
                    : t('auditors.noBundle')}</p>
                  {act && act.audits.length > 0 && (
                    <ul className="plain-list" aria-label={t('auditors.auditsOf', { name: a.name })}>
                      {act.audits.map((x) => (
                        <li key={x.auditId}><a href={hqHref({ name: 'audit', auditId: x.auditId })}>{x.siteName}</a> · {t('auditors.revision', { revision: x.revision })} · {t(`auditStatus.${x.status}`, { defaultValue: x.status })}</li>
                      ))}
                    </ul>
                  )}
                  <AuditorHandovers fingerprint={a.fingerprint} name={a.name} all={data.value.handovers} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="enrol-h">
        <h2 id="enrol-h">{t('auditors.enrolTitle')}</h2>
        <p className="text-muted">{t('auditors.enrolLead')}</p>
        <EnrolForm onEnrolled={reload} />
      </section>
      {asking && (
        <ConfirmDialog title={tc('revoke.title', { name: asking.name })} confirm={tc('revoke.confirm')} cancel={tc('revoke.cancel')} danger busy={revoking.busy}
          onConfirm={() => void revoke(asking.fingerprint)} onCancel={() => setAsking(null)}>
          <p>{tc('revoke.body')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
