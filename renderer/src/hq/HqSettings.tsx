// Headquarters' settings: its encryption key (laptops encrypt bundles to
// it), the watched inbox folder, and where HQ keeps its data (DatabasePanel).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { useAction } from '../app/useAction';
import { PublishConfigPanel } from './PublishConfigPanel';
import { RotateConfigKey } from './RotateConfigKey';
import { DatabasePanel } from './DatabasePanel';
import { coreLanguage } from '../i18n/languages';

export function HqSettings() {
  const client = useClient();
  const { t, i18n } = useTranslation('hq');
  const [data, reload] = useAsync(async () => {
    const [status, inbox] = await Promise.all([client.call('hq.status', {}), client.call('hq.inbox', {})]);
    return { status, inbox };
  }, 'hq-settings');
  useReloadOnNewData(reload);
  const [folder, setFolder] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [typeIt, setTypeIt] = useState(false);
  // The native dialog gives a folder's path; a browser cannot, so there the path is typed.
  const chooseFolder = async () => {
    setError(null);
    try {
      const r = await client.call('dialog.open', { purpose: 'bundles', pick: 'folder', language: coreLanguage(i18n.language) });
      if (r.outcome === 'picked' && r.paths[0]) setFolder(r.paths[0]);
      setTypeIt(r.outcome === 'browser');
    } catch (e) {
      setError(e);
    }
  };
  const action = useAction();
  const run = (fn: () => Promise<unknown>) => action.run(async () => {
    setError(null);
    setSaved(false);
    try {
      await fn();
      setSaved(true);
      reload();
    } catch (e) {
      setError(e);
    }
  });
  const saveFolder = (e: FormEvent) => {
    e.preventDefault();
    const value = (folder ?? '').trim();
    void run(() => client.call('hq.setWatchFolder', { folder: value || null }));
  };

  return (
    <div className="page page--narrow">
      <h1>{t('settings.title')}</h1>
      {error !== null && <ErrorPanel error={error} />}
      {saved && <p className="banner banner--ok" role="status">{t('settings.saved')}</p>}
      {data.status === 'loading' && <Loading what={t('settings.loading')} />}
      {data.status === 'error' && <ErrorPanel error={data.error} onRetry={reload} />}
      {data.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="key-h">
            <h2 id="key-h">{t('settings.keyTitle')}</h2>
            {data.value.status.recipient
              ? <><p>{t('settings.keyLead')}</p><code className="fingerprint" data-testid="hq-recipient">{data.value.status.recipient}</code></>
              : <><p>{t('settings.noKey')}</p><button type="button" className="btn btn--primary" disabled={action.busy} onClick={() => void run(() => client.call('hq.init', {}))}>{t('settings.makeKey')}</button></>}
          </section>
          <PublishConfigPanel onPublished={reload} />
          <RotateConfigKey />
          <section className="panel" aria-labelledby="watch-set-h">
            <h2 id="watch-set-h">{t('settings.watchTitle')}</h2>
            <p className="text-muted">{t('settings.watchLead')}</p>
            <form className="form-stack" onSubmit={saveFolder}>
              <div className="field field--wide">
                <label htmlFor="watch-folder">{t('settings.watchFolder')}</label>
                <input id="watch-folder" value={folder ?? data.value.inbox.watchFolder ?? ''} onChange={(e) => setFolder(e.target.value)} spellCheck={false} aria-describedby="watch-hint" />
                <p id="watch-hint" className="field__hint">{t('settings.watchHint')}</p>
              </div>
              {typeIt && <p className="field__hint" role="status">{t('settings.typeFolder')}</p>}
              <div className="form__actions">
                <button type="button" className="btn" onClick={() => void chooseFolder()}>{t('settings.chooseWatch')}</button>
                <button type="submit" className="btn btn--primary" disabled={action.busy}>{t('settings.saveWatch')}</button>
              </div>
            </form>
          </section>
        </>
      )}
      {/* Outside the loaded part: with the server down or its password changed, this is where it is put right. */}
      <DatabasePanel onChanged={reload} />
    </div>
  );
}
