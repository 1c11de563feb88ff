// A follow-up's summary: the grade before and after, what still needs a
// verification, finalizing, and its own signed report.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { AuditFrame } from '../app/AuditFrame';
import { ErrorPanel, Loading } from '../app/Status';
import type { AuditData } from '../app/useAuditData';
import { ReportPanel } from '../report/ReportPanel';
import { GradeBeforeAfter, useFollowUp } from './FollowUpPanel';

export function FollowUpSummary({ data, onChanged }: { data: AuditData; onChanged(): void }) {
  const { t } = useTranslation('followup');
  const client = useClient();
  const { detail, template } = data;
  const auditId = detail.audit.id;
  const finalized = detail.audit.status === 'finalized';
  const [state, reload] = useFollowUp(auditId, detail.audit.updatedAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const colors = Object.fromEntries((template.rating?.grades ?? []).map((g) => [g.grade, g.color]));
  const finalize = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.call('audits.finalize', { id: auditId });
      onChanged();
    } catch (err) {
      setError(err);
      reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuditFrame detail={detail} tab="summary">
      <div className="page">
        <h2>{t('summary.title')}</h2>
        {error !== null && <ErrorPanel error={error} />}
        {state.status === 'loading' && <Loading what={t('fu.loading')} />}
        {state.status === 'error' && <ErrorPanel error={state.error} onRetry={reload} />}
        {state.status === 'ready' && (
          <>
            <p role="status">{state.value.unverified ? t('fu.unverified', { count: state.value.unverified }) : t('fu.allVerified')}</p>
            <GradeBeforeAfter view={state.value} colors={colors} />
            {!finalized && (
              <div className="summary-actions">
                <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void finalize()}>{busy ? t('fu.finalizing') : t('fu.finalize')}</button>
              </div>
            )}
          </>
        )}
        <ReportPanel auditId={auditId} finalized={finalized} version={detail.audit.updatedAt} />
      </div>
    </AuditFrame>
  );
}
