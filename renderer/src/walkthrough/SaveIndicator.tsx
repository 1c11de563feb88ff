import { describeError } from '../api/messages';
import type { QueueStatus } from './saveQueue';
import { useTranslation } from 'react-i18next';

export function SaveIndicator({ status, onRetry }: { status: QueueStatus; onRetry(): void }) {
  const { t } = useTranslation('walkthrough');
  if (status.state === 'failed') {
    const m = describeError(status.error);
    return (
      <div className="save save--failed" role="status" aria-live="polite">
        <span className="save__dot" aria-hidden="true" />
        <span>{t('save.failed')}</span>
        <span className="save__sep" aria-hidden="true">—</span>
        <button type="button" className="btn btn--small btn--danger" onClick={onRetry}>{t('save.retry')}</button>
        <span className="save__why" title={m.next}>{m.title}</span>
      </div>
    );
  }
  return (
    <div className={`save save--${status.state}`} role="status" aria-live="polite">
      <span className="save__dot" aria-hidden="true" />
      <span>{status.state === 'saving' ? t('save.saving') : t('save.saved')}</span>
    </div>
  );
}
