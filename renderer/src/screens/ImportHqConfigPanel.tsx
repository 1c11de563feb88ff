// A laptop takes its sync settings from HQ's configuration package instead
// of typed ones: the file HQ sent (chosen or dropped here) or the address HQ
// gave. HQ's signature is checked; a refused package changes nothing and
// says why. What was taken is shown, with HQ's key fingerprint to compare.
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqConfigApplied } from '../../../shared/domain/hq-config';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { useAction } from '../app/useAction';
import { useAsync } from '../app/useAsync';

export function ImportHqConfigPanel() {
  const client = useClient();
  const { t, i18n } = useTranslation('hqcfg');
  const [status, reload] = useAsync(() => client.call('hqConfig.status', {}), 'hq-config-status');
  const [url, setUrl] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [over, setOver] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [applied, setApplied] = useState<HqConfigApplied | null>(null);
  const action = useAction();
  const picker = useRef<HTMLInputElement>(null);
  const expect = fingerprint.trim() ? { expectFingerprint: fingerprint.trim() } : {};

  const run = (fn: () => Promise<HqConfigApplied>) => action.run(async () => {
    setError(null);
    setApplied(null);
    try {
      setApplied(await fn());
      reload();
    } catch (err) {
      setError(err);
    }
  });
  const importFile = (file: File | undefined) => { if (file) void run(async () => client.call('hqConfig.import', { text: await file.text(), ...expect })); };
  const fetchIt = (e: FormEvent) => { e.preventDefault(); void run(() => client.call('hqConfig.importUrl', { url: url.trim(), ...expect })); };
  const drop = (e: DragEvent) => { e.preventDefault(); setOver(false); if (!action.busy) importFile(e.dataTransfer.files[0]); };
  const shown = applied ?? (status.status === 'ready' ? status.value.imported : null);
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section className="panel" aria-labelledby="hqcfg-h">
      <h2 id="hqcfg-h">{t('import.title')}</h2>
      <p className="text-muted">{t('import.lead')}</p>
      {error !== null && <ErrorPanel error={error} />}
      {applied && <p className="banner banner--ok" role="status">{t('import.done', { organisation: applied.organisation || t('import.hq') })}</p>}
      <div className="field field--wide">
        <label htmlFor="hqcfg-fp">{t('import.fingerprint')}</label>
        <input id="hqcfg-fp" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} spellCheck={false} aria-describedby="hqcfg-fp-hint" />
        <p id="hqcfg-fp-hint" className="field__hint">{t('import.fingerprintHint')}</p>
      </div>
      <div className={`dropzone${over ? ' dropzone--over' : ''}`} data-testid="hq-config-drop"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
        <p className="dropzone__title">{t('import.dropTitle')}</p>
        <button type="button" className="btn btn--primary" disabled={action.busy} onClick={() => picker.current?.click()}>{t('import.chooseFile')}</button>
        <input ref={picker} className="sr-only" type="file" accept=".fshq,.json,application/json" tabIndex={-1} aria-hidden="true"
          onChange={(e) => { importFile(e.target.files?.[0]); e.target.value = ''; }} />
      </div>
      <form className="form-stack" onSubmit={fetchIt} aria-label={t('import.urlForm')}>
        <div className="field field--wide">
          <label htmlFor="hqcfg-url">{t('import.url')}</label>
          <input id="hqcfg-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} />
        </div>
        <div className="form__actions"><button type="submit" className="btn" disabled={action.busy}>{t('import.fetch')}</button></div>
      </form>
      {shown && (
        <dl className="kv" aria-label={t('import.current')} data-testid="hq-config-current">
          <dt>{t('import.from')}</dt><dd>{t('import.fromValue', { organisation: shown.organisation || t('import.hq'), when: when(shown.issuedAt) })}</dd>
          <dt>{t('import.signedBy')}</dt><dd><code className="fingerprint">{shown.fingerprint}</code></dd>
          <dt>{t('import.hqKey')}</dt><dd><code className="fingerprint">{shown.hqRecipient}</code></dd>
          <dt>{t('import.upload')}</dt><dd><code>{shown.upload.url}</code></dd>
          <dt>{t('import.templates')}</dt>
          <dd>{shown.templates.length === 0 ? t('import.noTemplates') : (
            <ul className="plain-list">{shown.templates.map((x) => (
              <li key={`${x.key}@${x.version}`}>{t(x.installed ? 'import.templateInstalled' : 'import.templateKnown', { name: x.name, version: x.version })}</li>
            ))}</ul>
          )}</dd>
        </dl>
      )}
    </section>
  );
}
