// Settings: the certificate PDF reports are signed with, and importing an
// organisation-issued .p12 in its place.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { initI18n } from '../i18n';
import { useLocaleFormat } from '../i18n/format';
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
    r.onerror = () => reject(new Error(initI18n().t('add.unreadable', { ns: 'evidence' })));
    r.readAsArrayBuffer(file);
  });
}

export function CertificatePanel() {
  const client = useClient();
  const { t } = useTranslation('report');
  const f = useLocaleFormat();
  const [cert, reload] = useAsync(() => client.call('report.certificate', {}), 'certificate');
  const { t: tFile } = useTranslation('hq');
  const [file, setFile] = useState<Picked | null>(null);
  const fromFile = (picked: File): Picked => ({ name: picked.name, size: picked.size, read: () => readBytes(picked) });
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
      setError(new Error(t('cert.tooLarge')));
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
      <h2 id="cert-h">{t('cert.title')}</h2>
      {cert.status === 'loading' && <Loading what={t('cert.what')} />}
      {cert.status === 'error' && <ErrorPanel error={cert.error} onRetry={reload} />}
      {cert.status === 'ready' && (cert.value ? (
        <dl className="kv">
          <dt>{t('cert.subject')}</dt><dd>{cert.value.subject}</dd>
          <dt>{t('cert.issuer')}</dt><dd>{cert.value.selfSigned ? t('cert.selfSigned') : cert.value.issuer}</dd>
          <dt>{t('cert.valid')}</dt><dd>{t('cert.validRange', { from: f.day(cert.value.notBefore), to: f.day(cert.value.notAfter) })}</dd>
          <dt>{t('cert.fingerprint')}</dt><dd><code className="fingerprint">{cert.value.fingerprint}</code></dd>
        </dl>
      ) : (
        <p>{t('cert.none')}</p>
      ))}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="dropzone dropzone--small" data-testid="p12-drop" onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => { e.preventDefault(); const f = e.dataTransfer.files[0]; if (f) setFile(fromFile(f)); }}>
          <p id="p12-label">{tFile('certificate.fileLabel')}</p>
          <button type="button" className="btn" aria-describedby="p12-label p12-chosen" onClick={() => void choose()}>{tFile('certificate.choose')}</button>
          <p id="p12-chosen" className="field__hint" role="status">{file ? tFile('certificate.chosen', { name: file.name }) : tFile('certificate.none')}</p>
        </div>
        <label htmlFor="p12-password">{t('cert.password')}</label>
        <input id="p12-password" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={!file || busy}>{busy ? t('cert.checking') : t('cert.import')}</button>
        </div>
      </form>
      {done && <p className="banner banner--ok" role="status">{t('cert.imported')}</p>}
      {error !== null && <ErrorPanel error={error} />}
    </section>
  );
}
