// Settings: the certificate PDF reports are signed with, and importing an
// organisation-issued .p12 in its place.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { openFiles } from '../hq/openFiles';

const MAX_P12_BYTES = 150_000;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The chosen certificate file: from the native Open dialog (bytes) or the page's picker or a drop (a File). */
interface Picked { name: string; size: number; read(): Promise<Uint8Array> }

function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(new Error('The file could not be read.'));
    r.readAsArrayBuffer(file);
  });
}

export function CertificatePanel() {
  const client = useClient();
  const [cert, reload] = useAsync(() => client.call('report.certificate', {}), 'certificate');
  const { t } = useTranslation('hq');
  const [file, setFile] = useState<Picked | null>(null);
  const fromFile = (f: File): Picked => ({ name: f.name, size: f.size, read: () => readBytes(f) });
  const choose = async () => {
    setError(null);
    try {
      const o = await openFiles(client, 'certificate');
      if (o?.kind === 'bytes' && o.files[0]) { const { name, bytes } = o.files[0]; setFile({ name, size: bytes.length, read: async () => bytes }); }
      if (o?.kind === 'files' && o.files[0]) setFile(fromFile(o.files[0]));
    } catch (err) {
      setError(err);
    }
  };
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (!file) return;
    if (file.size > MAX_P12_BYTES) {
      setError(new Error('This file is too large to be a certificate file (.p12).'));
      return;
    }
    setBusy(true);
    try {
      await client.call('report.importCertificate', { p12Base64: toBase64(await file.read()), password });
      setPassword('');
      setDone(true);
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="cert-h">
      <h2 id="cert-h">Report signing certificate</h2>
      {cert.status === 'loading' && <Loading what="the certificate" />}
      {cert.status === 'error' && <ErrorPanel error={cert.error} onRetry={reload} />}
      {cert.status === 'ready' && (cert.value ? (
        <dl className="kv">
          <dt>Signed as</dt><dd>{cert.value.subject}</dd>
          <dt>Issued by</dt><dd>{cert.value.selfSigned ? 'Self-signed (made by Fairsite for you)' : cert.value.issuer}</dd>
          <dt>Valid</dt><dd>{cert.value.notBefore.slice(0, 10)} to {cert.value.notAfter.slice(0, 10)}</dd>
          <dt>Fingerprint (SHA-256)</dt><dd><code className="fingerprint">{cert.value.fingerprint}</code></dd>
        </dl>
      ) : (
        <p>Fairsite makes a certificate in your name with the first signed report. If your organisation issues certificates, import yours here instead.</p>
      ))}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="dropzone dropzone--small" data-testid="p12-drop" onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => { e.preventDefault(); const f = e.dataTransfer.files[0]; if (f) setFile(fromFile(f)); }}>
          <p id="p12-label">{t('certificate.fileLabel')}</p>
          <button type="button" className="btn" aria-describedby="p12-label p12-chosen" onClick={() => void choose()}>{t('certificate.choose')}</button>
          <p id="p12-chosen" className="field__hint" role="status">{file ? t('certificate.chosen', { name: file.name }) : t('certificate.none')}</p>
        </div>
        <label htmlFor="p12-password">Password of the file</label>
        <input id="p12-password" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={!file || busy}>{busy ? 'Checking…' : 'Import certificate'}</button>
        </div>
      </form>
      {done && <p className="banner banner--ok" role="status">Certificate imported: new reports are signed with it.</p>}
      {error !== null && <ErrorPanel error={error} />}
    </section>
  );
}
