// Headquarters publishes its configuration package: the upload address and
// the templates it wants used, with its encryption key, signed by HQ. The
// file is downloaded for HQ to hand out (or to put at an address laptops
// fetch); its key's fingerprint is shown so auditors can check it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { useAction } from '../app/useAction';

/** The package as a file download, the same in the app and the harness. */
function downloadText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `onPublished`: HQ's key may have been made by the publish; the page around shows it. */
export function PublishConfigPanel({ onPublished }: { onPublished?(): void }) {
  const client = useClient();
  const { t } = useTranslation('hqcfg');
  const [organisation, setOrganisation] = useState('');
  const [kind, setKind] = useState<'webdav' | 'presigned'>('webdav');
  const [url, setUrl] = useState('');
  const [templates, setTemplates] = useState<Array<{ name: string; text: string }>>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ fileName: string; fingerprint: string; templates: number } | null>(null);
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      setError(null);
      setDone(null);
      try {
        const r = await client.call('hqConfig.publish', { organisation, upload: { kind, url: url.trim() }, templates: templates.map((x) => x.text) });
        downloadText(r.text, r.fileName);
        setDone(r);
        onPublished?.();
      } catch (err) {
        setError(err);
      }
    });
  };

  return (
    <section className="panel" aria-labelledby="publish-h">
      <h2 id="publish-h">{t('publish.title')}</h2>
      <p className="text-muted">{t('publish.lead')}</p>
      {error !== null && <ErrorPanel error={error} />}
      {done && (
        <div className="banner banner--ok" role="status">
          <p>{t('publish.done', { file: done.fileName, count: done.templates })}</p>
          <p>{t('publish.fingerprint')} <code className="fingerprint" data-testid="config-fingerprint">{done.fingerprint}</code></p>
        </div>
      )}
      <form className="form-stack" onSubmit={submit} aria-label={t('publish.title')}>
        <div className="field field--wide">
          <label htmlFor="pub-org">{t('publish.organisation')}</label>
          <input id="pub-org" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="pub-kind">{t('publish.kind')}</label>
          <select id="pub-kind" value={kind} onChange={(e) => setKind(e.target.value as 'webdav' | 'presigned')}>
            <option value="webdav">{t('publish.kind.webdav')}</option>
            <option value="presigned">{t('publish.kind.presigned')}</option>
          </select>
        </div>
        <div className="field field--wide">
          <label htmlFor="pub-url">{t('publish.url')}</label>
          <input id="pub-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} placeholder={t('publish.urlPlaceholder')} />
        </div>
        <div className="field field--wide">
          <label htmlFor="pub-templates">{t('publish.templates')}</label>
          <input id="pub-templates" type="file" multiple accept=".json,application/json" aria-describedby="pub-templates-hint"
            onChange={(e) => { const files = Array.from(e.target.files ?? []); void Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))).then(setTemplates); }} />
          <p id="pub-templates-hint" className="field__hint">
            {templates.length ? t('publish.templatesChosen', { count: templates.length, names: templates.map((x) => x.name).join(', ') }) : t('publish.templatesHint')}
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={action.busy}>{t('publish.submit')}</button>
        </div>
      </form>
    </section>
  );
}
