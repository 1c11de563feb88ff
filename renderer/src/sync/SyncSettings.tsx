// Where bundles go: HQ's upload address and credentials (stored encrypted,
// never shown again), and HQ's public key, which turns encryption on.
import { useState, type FormEvent } from 'react';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';

export function SyncSettings() {
  const client = useClient();
  const [settings, reload] = useAsync(() => client.call('sync.settings', {}), 'sync-settings');
  const [form, setForm] = useState({ kind: 'webdav' as 'webdav' | 'presigned', url: '', auth: 'basic' as 'none' | 'basic' | 'bearer', username: '', secret: '' });
  const [key, setKey] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const saveEndpoint = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await client.call('sync.saveEndpoint', form);
      setForm((f) => ({ ...f, secret: '' }));
      setNotice({ ok: true, text: 'Upload address saved; the password or token is stored encrypted.' });
      reload();
    } catch (err) {
      setNotice({ ok: false, text: describeError(err).title });
    }
  };
  const saveKey = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await client.call('sync.setHqKey', { recipient: key.trim() || null });
      setNotice({ ok: true, text: key.trim() ? 'HQ key saved: new bundles are encrypted for headquarters.' : 'HQ key removed: new bundles are not encrypted.' });
      setKey('');
      reload();
    } catch (err) {
      setNotice({ ok: false, text: describeError(err).title });
    }
  };

  return (
    <section className="panel" aria-labelledby="sync-settings-h">
      <h2 id="sync-settings-h">Sending to headquarters</h2>
      {notice && <p className={`banner ${notice.ok ? 'banner--ok' : 'banner--error'}`} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
      {settings.status === 'loading' && <Loading what="sync settings" />}
      {settings.status === 'error' && <ErrorPanel error={settings.error} onRetry={reload} />}
      {settings.status === 'ready' && (
        <dl className="kv">
          <dt>Upload address</dt>
          <dd>{settings.value.endpoint ? `${settings.value.endpoint.url} (${settings.value.endpoint.kind}, ${settings.value.endpoint.auth}${settings.value.endpoint.username ? ` as ${settings.value.endpoint.username}` : ''})` : 'Not set: bundles can still go on a USB stick.'}</dd>
          <dt>HQ key</dt>
          <dd>{settings.value.hqRecipient ? <code>{settings.value.hqRecipient}</code> : 'Not set: bundles are signed but not encrypted.'}</dd>
        </dl>
      )}
      <form onSubmit={(e) => void saveEndpoint(e)} className="form-stack" aria-label="Upload address">
        <div className="field"><label htmlFor="sync-kind">Server type</label>
          <select id="sync-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'webdav' })}>
            <option value="webdav">WebDAV folder (Nextcloud, SharePoint, nginx)</option>
            <option value="presigned">Presigned upload (S3)</option>
          </select></div>
        <div className="field field--wide"><label htmlFor="sync-url">Address</label>
          <input id="sync-url" type="url" required value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} placeholder="https://hq.example.org/remote.php/dav/files/fairsite/inbox/" /></div>
        <div className="field"><label htmlFor="sync-auth">Sign-in</label>
          <select id="sync-auth" value={form.auth} onChange={(e) => setForm({ ...form, auth: e.target.value as 'basic' })}>
            <option value="basic">User name and password</option><option value="bearer">Token</option><option value="none">None</option>
          </select></div>
        {form.auth === 'basic' && <div className="field"><label htmlFor="sync-user">User name</label>
          <input id="sync-user" autoComplete="username" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} /></div>}
        {form.auth !== 'none' && <div className="field"><label htmlFor="sync-secret">{form.auth === 'bearer' ? 'Token' : 'Password'}</label>
          <input id="sync-secret" type="password" autoComplete="current-password" value={form.secret} onChange={(e) => setForm({ ...form, secret: e.target.value })} /></div>}
        <div><button type="submit" className="btn">Save upload address</button></div>
      </form>
      <form onSubmit={(e) => void saveKey(e)} className="form-stack" aria-label="HQ key">
        <div className="field"><label htmlFor="sync-key">HQ public key (age1…)</label>
          <input id="sync-key" value={key} onChange={(e) => setKey(e.target.value)} placeholder="age1…" spellCheck={false} /></div>
        <button type="submit" className="btn">Save HQ key</button>
      </form>
    </section>
  );
}
