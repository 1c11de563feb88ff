import { Trans, useTranslation } from 'react-i18next';
import { describeError } from '../api/messages';

/** `what` is already in the UI language (a translated noun or a name). */
export function Loading({ what }: { what: string }) {
  const { t } = useTranslation();
  return <p className="loading" role="status">{t('status.loading', { what })}</p>;
}

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('app');
  const m = describeError(error);
  return (
    <div className="banner banner--error" role="alert">
      <p><strong>{m.title}</strong></p>
      <p>{m.next}</p>
      {m.fields.length > 0 && <ul>{m.fields.map((f, i) => <li key={i}><Trans t={t} i18nKey="error.field" values={{ path: f.path, message: f.message }} components={{ code: <code /> }} /></li>)}</ul>}
      {onRetry && <button type="button" className="btn" onClick={onRetry}>{t('retry')}</button>}
    </div>
  );
}
