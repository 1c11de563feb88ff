// HQ settings: a new configuration key (when the old one may have leaked, or
// by policy). Packages published afterwards are signed by the new key and
// endorsed by the old one, so laptops that trusted the old key take the new
// one; a laptop two rotations behind is re-trusted by typing the new
// fingerprint. Asked in a dialog first: it cannot be undone.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { useAction } from '../app/useAction';
import { ConfirmDialog } from './ConfirmDialog';

export function RotateConfigKey() {
  const client = useClient();
  const { t } = useTranslation('hqkeys');
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ fingerprint: string; previousFingerprint: string } | null>(null);
  const rotate = () => void action.run(async () => {
    setError(null);
    try {
      setDone(await client.call('hqConfig.rotateKey', {}));
    } catch (err) {
      setError(err);
    } finally {
      setAsking(false);
    }
  });
  return (
    <section className="panel" aria-labelledby="rotate-h">
      <h2 id="rotate-h">{t('rotate.title')}</h2>
      <p className="text-muted">{t('rotate.lead')}</p>
      {error !== null && <ErrorPanel error={error} />}
      {done && (
        <div className="banner banner--ok" role="status">
          <p>{t('rotate.done')}</p>
          <p>{t('rotate.new')} <code className="fingerprint" data-testid="rotated-fingerprint">{done.fingerprint}</code></p>
          <p>{t('rotate.previous')} <code className="fingerprint">{done.previousFingerprint}</code></p>
        </div>
      )}
      <div className="form__actions">
        <button type="button" className="btn" disabled={action.busy} onClick={() => setAsking(true)}>{t('rotate.button')}</button>
      </div>
      {asking && (
        <ConfirmDialog title={t('rotate.confirmTitle')} confirm={t('rotate.confirm')} cancel={t('rotate.cancel')} busy={action.busy} onConfirm={rotate} onCancel={() => setAsking(false)}>
          <p>{t('rotate.confirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
