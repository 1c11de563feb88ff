// Where bundles go: HQ's upload address and credentials (stored encrypted,
// never shown again), and HQ's public key, which turns encryption on.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';

export function SyncSettings() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [settings, reload] = useAsync(() => client.call('sync.settings', {}), 'sync-settings');
  const [form, setForm] = useState({ kind: 'webdav' as 'webdav' | 'presigned', url: '', auth: 'basic' as 'none' | 'basic' | 'bearer', username: '', secret: '' });
  const [key, setKey] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const saveEndpoint = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await client.call('sync.saveEndpoint', form);
      setForm((f) => ({ ...f, secret: '' }));
      setNotice({ ok: true, text: t('syncSettings.endpointSaved') });
      reload();
    } catch (err) {
      setNotice({ ok: false, text: describeError(err).title });
    }
  };
  const saveKey = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await client.call('sync.setHqKey', { recipient: key.trim() || null });
      setNotice({ ok: true, text: key.trim() ? t('syncSettings.keySaved') : t('syncSettings.keyRemoved') });
      setKey('');
      reload();
    } catch (err) {
      setNotice({ ok: false, text: describeError(err).title });
    }
  };

  return (
    <section className="panel" aria-labelledby="sync-settings-h">
      <h2 id="sync-settings-h">{t('syncSettings.title')}</h2>
      {notice && <p className={`banner ${notice.ok ? 'banner--ok' : 'banner--error'}`} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
      {settings.status === 'loading' && <Loading what={t('syncSettings.loading')} />}
      {settings.status === 'error' && <ErrorPanel error={settings.error} onRetry={reload} />}
      {settings.status === 'ready' && (
        <dl className="kv">
          <dt>{t('syncSettings.address')}</dt>
          <dd>{settings.value.endpoint
            ? t(settings.value.endpoint.username ? 'syncSettings.endpointAs' : 'syncSettings.endpoint', { url: settings.value.endpoint.url, kind: t(`syncSettings.kind.${settings.value.endpoint.kind}`), auth: t(`syncSettings.auth.${settings.value.endpoint.auth}`), username: settings.value.endpoint.username })
            : t('syncSettings.noEndpoint')}</dd>
          <dt>{t('syncSettings.hqKey')}</dt>
          <dd>{settings.value.hqRecipient ? <code>{settings.value.hqRecipient}</code> : t('syncSettings.noKey')}</dd>
        </dl>
      )}
      <form onSubmit={(e) => void saveEndpoint(e)} className="form-stack" aria-label={t('syncSettings.address')}>
        <div className="field"><label htmlFor="sync-kind">{t('syncSettings.serverType')}</label>
          <select id="sync-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'webdav' })}>
            <option value="webdav">{t('syncSettings.kindLong.webdav')}</option>
            <option value="presigned">{t('syncSettings.kindLong.presigned')}</option>
          </select></div>
        <div className="field field--wide"><label htmlFor="sync-url">{t('syncSettings.url')}</label>
          <input id="sync-url" type="url" required value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} placeholder="https://hq.example.org/remote.php/dav/files/fairsite/inbox/" /></div>
        <div className="field"><label htmlFor="sync-auth">{t('syncSettings.signIn')}</label>
          <select id="sync-auth" value={form.auth} onChange={(e) => setForm({ ...form, auth: e.target.value as 'basic' })}>
            <option value="basic">{t('syncSettings.auth.basic')}</option><option value="bearer">{t('syncSettings.auth.bearer')}</option><option value="none">{t('syncSettings.auth.none')}</option>
          </select></div>
        {form.auth === 'basic' && <div className="field"><label htmlFor="sync-user">{t('syncSettings.username')}</label>
          <input id="sync-user" autoComplete="username" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} /></div>}
        {form.auth !== 'none' && <div className="field"><label htmlFor="sync-secret">{form.auth === 'bearer' ? t('syncSettings.token') : t('syncSettings.password')}</label>
          <input id="sync-secret" type="password" autoComplete="current-password" value={form.secret} onChange={(e) => setForm({ ...form, secret: e.target.value })} /></div>}
        <div><button type="submit" className="btn">{t('syncSettings.saveEndpoint')}</button></div>
      </form>
      <form onSubmit={(e) => void saveKey(e)} className="form-stack" aria-label={t('syncSettings.hqKey')}>
        <div className="field"><label htmlFor="sync-key">{t('syncSettings.keyLabel')}</label>
          <input id="sync-key" value={key} onChange={(e) => setKey(e.target.value)} placeholder="age1…" spellCheck={false} /></div>
        <button type="submit" className="btn">{t('syncSettings.saveKey')}</button>
      </form>
    </section>
  );
}
