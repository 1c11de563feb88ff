// Settings: the certificate PDF reports are signed with, and importing an
// organisation-issued .p12 in its place.
import { useState, type FormEvent } from 'react';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useTranslation } from 'react-i18next';
import { initI18n } from '../i18n';
import { useLocaleFormat } from '../i18n/format';

const MAX_P12_BYTES = 150_000;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

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
  const [file, setFile] = useState<File | null>(null);
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
      await client.call('report.importCertificate', { p12Base64: toBase64(await readBytes(file)), password });
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
        <label htmlFor="p12-file">{t('cert.file')}</label>
        <input id="p12-file" type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
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
