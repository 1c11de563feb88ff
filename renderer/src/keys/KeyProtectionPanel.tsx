// Key protection: how the signing key is sealed. When the system keychain
// gives no real protection (Linux without a keyring), the user is told so
// plainly and can protect the key with a passphrase; after a restart she
// unlocks it here.
import { useState } from 'react';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { ErrorPanel } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useTranslation } from 'react-i18next';
import { useSayMessage } from '../i18n/messages';


export function KeyProtectionPanel() {
  const client = useClient();
  const { t } = useTranslation('keys');
  const say = useSayMessage();
  const [loaded, reload, update] = useAsync(() => client.call('keys.protection', {}), 'keys-protection');
  const [pass, setPass] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(op: 'keys.usePassphrase' | 'keys.unlock') {
    try {
      const next = await client.call(op, { passphrase: pass });
      update(() => next);
      setPass('');
      setStatus({ ok: true, text: op === 'keys.unlock' ? t('unlocked') : t('protected') });
    } catch (err) {
      setStatus({ ok: false, text: describeError(err).title });
    }
  }

  if (loaded.status === 'error') return <ErrorPanel error={loaded.error} onRetry={reload} />;
  if (loaded.status === 'loading') return null;
  const p = loaded.value;
  const action = p.method === 'basic_text' ? 'keys.usePassphrase' : p.locked ? 'keys.unlock' : null;
  return (
    <section className="panel" aria-labelledby="keys-h">
      <h2 id="keys-h">{t('title')}</h2>
      {p.notice && <p className="banner banner--error" role="alert" data-testid="key-notice">{p.noticeText ? say(p.noticeText) : p.notice}</p>}
      {status && <p className={`banner ${status.ok ? 'banner--ok' : 'banner--error'}`} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
      <dl className="kv"><dt>{t('sealedBy')}</dt><dd>{t(p.locked ? 'methodLocked' : 'methodOnly', { method: t(`method.${p.method}`) })}</dd></dl>
      {action && (
        <form className="form__grid" onSubmit={(e) => { e.preventDefault(); void submit(action); }}>
          <label className="field">
            <span>{action === 'keys.unlock' ? t('passphrase') : t('newPassphrase')}</span>
            <input type="password" autoComplete={action === 'keys.unlock' ? 'current-password' : 'new-password'} value={pass} onChange={(e) => setPass(e.target.value)} />
          </label>
          <div className="field"><button type="submit" className="btn btn--primary" disabled={!pass}>{action === 'keys.unlock' ? t('unlock') : t('protect')}</button></div>
        </form>
      )}
    </section>
  );
}
