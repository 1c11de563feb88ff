// The outbox: every bundle made on this laptop with its state (pending,
// uploading with progress, sent, failed with the reason), a button to make
// a bundle, "Send now", and "Delivered by hand" for USB hand-overs.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { waitForJob } from '../../../shared/contract/jobs';
import type { JobOpName, JobResult } from '../../../shared/contract/index';
import { formatBytes } from '../../../shared/format-bytes';
import { saveAs } from '../api/saveAs';
import { savedMessage } from './saved';

export function OutboxView() {
  const client = useClient();
  const { t, i18n } = useTranslation('hq');
  const lang = i18n.language;
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const [items, reload] = useAsync(() => client.call('outbox.list', {}), 'outbox');
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [full, setFull] = useState(false);

  const uploading = items.status === 'ready' && items.value.some((i) => i.state === 'uploading');
  useEffect(() => {
    if (!busy && !uploading) return;
    const timer = setInterval(reload, 500);
    return () => clearInterval(timer);
  }, [busy, uploading, reload]);

  const run = async <K extends JobOpName>(label: string, op: K, start: () => Promise<{ jobId: string }>, done: (result: JobResult<K>) => string | Promise<string>) => {
    setBusy(label);
    setNotice(null);
    setProgress(0);
    try {
      const { jobId } = await start();
      const result = await waitForJob(client.call, op, jobId, { onProgress: (f) => setProgress(f) });
      setNotice({ ok: true, text: await done(result) });
    } catch (e) {
      setNotice({ ok: false, text: describeError(e).title });
    } finally {
      setBusy(null);
      reload();
    }
  };

  // One action: the bundle is made, then handed over (Save as… on the desktop, to a USB stick say; a download in the browser).
  const makeBundle = () => run(t('sync.making'), 'bundle.export', () => client.call('bundle.export', { full }), async (b) => {
    const made = b.audits === 0 && b.actionUpdates > 0
      ? t(`sync.madeActions.${b.encrypted ? 'encrypted' : 'plain'}`, { what: actionUpdates(t, b.actionUpdates, b.actionAudits), size: formatBytes(b.size, lang) })
      : t(`sync.made.${b.incremental ? 'incremental' : 'full'}.${b.encrypted ? 'encrypted' : 'plain'}`, { count: b.audits, size: formatBytes(b.size, lang) });
    return `${made} ${savedMessage(t, await saveAs(client, { kind: 'bundle', bundleId: b.bundleId }), 'bundle')}`;
  });
  const sendNow = () => run(t('sync.sending'), 'outbox.sendNow', () => client.call('outbox.sendNow', {}), (s) => {
    return [t('sync.sent', { count: s.sent }), s.alreadyThere ? t('sync.alreadyThere', { count: s.alreadyThere }) : '', s.failed ? t('sync.sendFailed', { count: s.failed }) : ''].filter(Boolean).join(' ');
  });
  const delivered = async (bundleId: string) => {
    try {
      await client.call('outbox.markDelivered', { bundleId });
      reload();
    } catch (e) {
      setNotice({ ok: false, text: describeError(e).title });
    }
  };

  return (
    <section className="panel" aria-labelledby="outbox-h">
      <div className="panel__head">
        <h2 id="outbox-h">{t('sync.outbox')}</h2>
        <div className="page__actions">
          <label><input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} /> {t('sync.full')}</label>
          <button type="button" className="btn" disabled={!!busy} onClick={() => void makeBundle()}>{t('sync.make')}</button>
          <button type="button" className="btn btn--primary" disabled={!!busy} onClick={() => void sendNow()}>{t('sync.sendNow')}</button>
        </div>
      </div>
      {busy && <p role="status">{t('sync.busy', { what: busy })} <progress max={1} value={progress} aria-label={busy} /></p>}
      {notice && <p className={`banner ${notice.ok ? 'banner--ok' : 'banner--error'}`} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
      {items.status === 'loading' && <Loading what={t('sync.loadingOutbox')} />}
      {items.status === 'error' && <ErrorPanel error={items.error} onRetry={reload} />}
      {items.status === 'ready' && items.value.length === 0 && <p>{t('sync.noBundles')}</p>}
      {items.status === 'ready' && items.value.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label={t('sync.bundles')}>
            <thead><tr><th>{t('sync.col.sequence')}</th><th>{t('sync.col.made')}</th><th>{t('sync.col.audits')}</th><th>{t('sync.col.size')}</th><th>{t('sync.col.state')}</th><th>{t('sync.col.file')}</th><th><span className="sr-only">{t('sync.col.actions')}</span></th></tr></thead>
            <tbody>
              {items.value.map((i) => (
                <tr key={i.bundleId} data-testid="outbox-row" data-state={i.state}>
                  <td>{i.sequence}</td>
                  <td>{when.format(new Date(i.createdAt))}</td>
                  <td>{i.auditCount === 0 && i.actionUpdates > 0 ? actionUpdates(t, i.actionUpdates, i.actionAudits) : i.baseBundleId ? t('sync.auditsIncremental', { count: i.auditCount }) : i.auditCount}</td>
                  <td>{i.encrypted ? t('sync.sizeEncrypted', { size: formatBytes(i.size, lang) }) : formatBytes(i.size, lang)}</td>
                  <td>
                    <span className={`badge badge--${i.state}`}>{t(`sync.state.${i.state}`)}</span>
                    {i.state === 'uploading' && <progress max={1} value={i.progress} aria-label={t('sync.uploadProgress')} />}
                    {i.error && <p className="field__error">{i.error}</p>}
                    {i.ackedAt && <p className="field__hint">{t('sync.hqHasIt')}</p>}
                  </td>
                  <td><code>{i.path}</code></td>
                  <td>{!i.ackedAt && <button type="button" className="btn btn--small" onClick={() => void delivered(i.bundleId)}>{t('sync.delivered')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A bundle carrying only action updates recorded after finalize says so, rather than "0 audits". */
function actionUpdates(t: TFunction<'hq'>, updates: number, audits: number): string {
  return t(audits === 1 ? 'sync.actionUpdates.oneAudit' : 'sync.actionUpdates.audits', { count: updates, audits });
}
