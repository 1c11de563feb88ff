// Headquarters: import bundle files or a folder (each verified before
// anything is written), enrol and revoke auditor keys, and see audits with
// conflicting versions and bundles held for their base.
import { useState, type FormEvent } from 'react';
import type { ImportResult } from '../../../shared/contract/bundle-ops';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { waitForJob } from '../../../shared/contract/jobs';
import { parseEnrolmentCode } from '../../../shared/enrolment';
import { useAction } from '../app/useAction';

const RESULT_LABEL: Record<ImportResult['status'], string> = { imported: 'Imported', already_imported: 'Already imported', held: 'Held', rejected: 'Rejected', failed: 'Not stored (HQ disk)' };

function flatten(rs: ImportResult[]): ImportResult[] {
  return rs.flatMap((r) => [r, ...flatten(r.released ?? [])]);
}

export function HqImport() {
  const client = useClient();
  const [status, reload] = useAsync(() => client.call('hq.status', {}), 'hq');
  const [paths, setPaths] = useState('');
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [enrol, setEnrol] = useState({ publicKey: '', auditorId: '', name: '' });

  const enrolling = useAction();
  // A full code fills name and auditor ID too; a bare key only the key.
  const takeCode = (text: string) => {
    const c = parseEnrolmentCode(text);
    if (!c) { setError('That is not an enrolment code: it holds no public key. Copy the whole code from the auditor\'s Settings.'); return; }
    setError(null);
    setEnrol((cur) => ({ publicKey: c.publicKey, name: c.name || cur.name, auditorId: c.auditorId || cur.auditorId }));
  };

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      reload();
    } catch (e) {
      setError(describeError(e).title);
    }
  };

  const doImport = async (e: FormEvent) => {
    e.preventDefault();
    const list = paths.split('\n').map((p) => p.trim()).filter(Boolean);
    if (!list.length) return;
    setBusy(true);
    setResults(null);
    await act(async () => {
      const { jobId } = await client.call('hq.import', { paths: list });
      setResults(flatten(await waitForJob(client.call, 'hq.import', jobId, { onProgress: (f) => setProgress(f) })));
    });
    setBusy(false);
  };

  return (
    <section className="panel" aria-labelledby="hq-h">
      <h2 id="hq-h">Headquarters</h2>
      {error && <p className="banner banner--error" role="alert">{error}</p>}
      <form onSubmit={(e) => void doImport(e)} className="form-stack" aria-label="Import bundles">
        <div className="field field--wide">
          <label htmlFor="hq-paths">Bundle files or folders, one per line</label>
          <textarea id="hq-paths" rows={3} value={paths} onChange={(e) => setPaths(e.target.value)} placeholder="/media/usb/fairsite" spellCheck={false} />
          <p className="field__hint">Every bundle is checked (signature, hashes, enrolled key) before anything is written; a folder means every .fsb file in it.</p>
        </div>
        <button type="submit" className="btn btn--primary" disabled={busy}>Import</button>
        {busy && <progress max={1} value={progress} aria-label="Import progress" />}
      </form>
      {results && (
        <ul aria-label="Import results">
          {results.map((r, i) => (
            <li key={i} data-testid="import-result" data-status={r.status}>
              <span className={`badge badge--${r.status}`}>{RESULT_LABEL[r.status]}</span> <code>{r.file}</code>: {r.message}
            </li>
          ))}
        </ul>
      )}

      {status.status === 'loading' && <Loading what="headquarters" />}
      {status.status === 'error' && <ErrorPanel error={status.error} onRetry={reload} />}
      {status.status === 'ready' && (
        <>
          <h3>HQ key</h3>
          {status.value.recipient
            ? <p>Give laptops this public key: <code data-testid="hq-recipient">{status.value.recipient}</code></p>
            : <button type="button" className="btn" onClick={() => void act(() => client.call('hq.init', {}))}>Make the HQ key</button>}

          <h3>Audits ({status.value.audits.length})</h3>
          {status.value.audits.length > 0 && (
            <div className="table-scroll"><table className="table" aria-label="Audits at headquarters">
              <thead><tr><th>Site</th><th>Audit</th><th>Revision</th><th>Status</th><th>Auditor</th><th>Versions</th></tr></thead>
              <tbody>{status.value.audits.map((a) => (
                <tr key={a.auditId} data-conflict={a.conflict}>
                  <td>{a.siteName}</td><td><code>{a.auditId}</code></td><td>{a.revision}</td><td>{a.status}</td><td>{a.auditorId}</td>
                  <td>{a.conflict ? <strong className="field__error">Conflict: {a.versions} versions kept</strong> : 1}</td>
                </tr>))}</tbody>
            </table></div>
          )}
          {status.value.held.length > 0 && (
            <><h3>Held until their base arrives</h3>
              <ul>{status.value.held.map((h) => <li key={h.bundleId}><code>{h.bundleId}</code> from {h.auditorId}: {h.reason}</li>)}</ul></>
          )}

          <h3>Enrolled auditors</h3>
          <ul aria-label="Enrolled auditors">{status.value.auditors.map((a) => (
            <li key={a.fingerprint}>
              {a.name} ({a.auditorId}) <code className="fingerprint">{a.displayFingerprint}</code>
              {a.revokedAt ? <span className="badge"> revoked</span>
                : <button type="button" className="btn btn--small btn--quiet" onClick={() => void act(() => client.call('hq.revoke', { fingerprint: a.fingerprint }))}>Revoke</button>}
            </li>))}
          </ul>
          <form onSubmit={(e) => { e.preventDefault(); void enrolling.run(() => act(async () => { await client.call('hq.enrol', enrol); setEnrol({ publicKey: '', auditorId: '', name: '' }); })); }} className="form-stack" aria-label="Enrol an auditor">
            <div className="field"><label htmlFor="en-name">Name</label><input id="en-name" required value={enrol.name} onChange={(e) => setEnrol({ ...enrol, name: e.target.value })} /></div>
            <div className="field"><label htmlFor="en-id">Auditor ID</label><input id="en-id" required value={enrol.auditorId} onChange={(e) => setEnrol({ ...enrol, auditorId: e.target.value })} /></div>
            <div className="field field--wide" data-testid="enrol-drop" onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => { e.preventDefault(); const f = e.dataTransfer.files[0]; if (f) void f.text().then(takeCode); }}>
              <label htmlFor="en-key">Enrolment code (from the auditor's Settings): paste it, drop the file here, or choose the file</label>
              <textarea id="en-key" required rows={6} value={enrol.publicKey} onChange={(e) => setEnrol({ ...enrol, publicKey: e.target.value })}
                onPaste={(e) => { const t = e.clipboardData.getData('text'); if (parseEnrolmentCode(t)) { e.preventDefault(); takeCode(t); } }} spellCheck={false} />
              <label className="field__hint">Enrolment code file <input type="file" accept=".txt,.pem,.pub,text/plain" onChange={(e) => { const f = e.target.files?.[0]; if (f) void f.text().then(takeCode); }} /></label>
            </div>
            <button type="submit" className="btn" disabled={enrolling.busy}>Enrol</button>
          </form>
        </>
      )}
    </section>
  );
}
