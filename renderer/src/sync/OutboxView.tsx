// The outbox: every bundle made on this laptop with its state (pending,
// uploading with progress, sent, failed with the reason), a button to make
// a bundle, "Send now", and "Delivered by hand" for USB hand-overs.
import { useEffect, useState } from 'react';
import type { OutboxItem } from '../../../shared/contract/bundle-ops';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { waitForJob } from '../../../shared/contract/jobs';
import type { JobOpName, JobResult } from '../../../shared/contract/index';
import { megabytes } from './jobs';
import { saveAs, savedText } from '../api/saveAs';

const STATE_LABEL: Record<OutboxItem['state'], string> = { pending: 'Waiting to send', uploading: 'Uploading', sent: 'Sent', failed: 'Failed' };

export function OutboxView() {
  const client = useClient();
  const [items, reload] = useAsync(() => client.call('outbox.list', {}), 'outbox');
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [full, setFull] = useState(false);

  const uploading = items.status === 'ready' && items.value.some((i) => i.state === 'uploading');
  useEffect(() => {
    if (!busy && !uploading) return;
    const t = setInterval(reload, 500);
    return () => clearInterval(t);
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
  const makeBundle = () => run('Making the bundle', 'bundle.export', () => client.call('bundle.export', { full }), async (b) => {
    const made = `Bundle made: ${b.audits} audit(s), ${megabytes(b.size)}, ${b.incremental ? 'incremental' : 'full'}, ${b.encrypted ? 'encrypted for HQ' : 'not encrypted (no HQ key set)'}.`;
    return `${made} ${savedText(await saveAs(client, { kind: 'bundle', bundleId: b.bundleId }), 'A copy')}`;
  });
  const sendNow = () => run('Sending', 'outbox.sendNow', () => client.call('outbox.sendNow', {}), (s) => {
    return `Sent ${s.sent}${s.alreadyThere ? `, ${s.alreadyThere} already at HQ` : ''}${s.failed ? `, ${s.failed} failed (see below)` : ''}.`;
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
        <h2 id="outbox-h">Outbox</h2>
        <div className="page__actions">
          <label><input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} /> Full bundle</label>
          <button type="button" className="btn" disabled={!!busy} onClick={() => void makeBundle()}>Make bundle</button>
          <button type="button" className="btn btn--primary" disabled={!!busy} onClick={() => void sendNow()}>Send now</button>
        </div>
      </div>
      {busy && <p role="status">{busy}… <progress max={1} value={progress} aria-label={busy} /></p>}
      {notice && <p className={`banner ${notice.ok ? 'banner--ok' : 'banner--error'}`} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
      {items.status === 'loading' && <Loading what="the outbox" />}
      {items.status === 'error' && <ErrorPanel error={items.error} onRetry={reload} />}
      {items.status === 'ready' && items.value.length === 0 && <p>No bundles yet. Make one to send your audits to headquarters, by upload or on a USB stick.</p>}
      {items.status === 'ready' && items.value.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label="Bundles">
            <thead><tr><th>#</th><th>Made</th><th>Audits</th><th>Size</th><th>State</th><th>File</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {items.value.map((i) => (
                <tr key={i.bundleId} data-testid="outbox-row" data-state={i.state}>
                  <td>{i.sequence}</td>
                  <td>{new Date(i.createdAt).toLocaleString()}</td>
                  <td>{i.auditCount}{i.baseBundleId ? ' (incremental)' : ''}</td>
                  <td>{megabytes(i.size)}{i.encrypted ? ' · encrypted' : ''}</td>
                  <td>
                    <span className={`badge badge--${i.state}`}>{STATE_LABEL[i.state]}</span>
                    {i.state === 'uploading' && <progress max={1} value={i.progress} aria-label="Upload progress" />}
                    {i.error && <p className="field__error">{i.error}</p>}
                    {i.ackedAt && <p className="field__hint">HQ has it</p>}
                  </td>
                  <td><code>{i.path}</code></td>
                  <td>{!i.ackedAt && <button type="button" className="btn btn--small" onClick={() => void delivered(i.bundleId)}>Delivered by hand</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
