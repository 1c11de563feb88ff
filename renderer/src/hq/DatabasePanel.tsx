// HQ settings: where headquarters keeps its records — the built-in SQLite
// database in the HQ folder, or a PostgreSQL server. A server's address is
// tested (connected to, HQ's tables made in an empty database) before it is
// saved; its password is sent once, kept sealed, and never shown again.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { describeError } from '../api/messages';
import { useAsync } from '../app/useAsync';
import { useAction } from '../app/useAction';
import type { HqDatabase } from '../../../shared/domain/hq-database';
import { DATABASE_CHANGED, formatAsOf } from './asOf';

/** `onChanged`: the rest of the settings read again from the database now chosen. */
export function DatabasePanel({ onChanged }: { onChanged?(): void }) {
  const client = useClient();
  const { t, i18n } = useTranslation('hqdb');
  const { t: tc } = useTranslation('hqchoice');
  const [data, , update] = useAsync(() => client.call('hq.database', {}), 'hq-database');
  const [engine, setEngine] = useState<HqDatabase['engine'] | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<HqDatabase | null>(null);
  const action = useAction();

  if (data.status === 'loading') return <Loading what={t('db.title')} />;
  if (data.status === 'error') return <ErrorPanel error={data.error} />;
  const cur = data.value;
  const chosen = engine ?? cur.engine;
  const save = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      setError(null);
      setSaved(null);
      try {
        const next = await client.call('hq.setDatabase', { url: chosen === 'postgres' ? (url ?? cur.url ?? '') : null, password });
        setPassword('');
        setSaved(next);
        update(() => next);
        window.dispatchEvent(new Event(DATABASE_CHANGED));
        onChanged?.();
      } catch (err) {
        setError(err);
      }
    });
  };
  return (
    <section className="panel" aria-labelledby="hqdb-h">
      <h2 id="hqdb-h">{t('db.title')}</h2>
      <p className="text-muted">{t('db.lead')}</p>
      <p data-testid="hq-db-current">{cur.engine === 'postgres' ? t('db.current.postgres', { url: cur.url }) : t('db.current.sqlite')}</p>
      {cur.fromEnvironment && <p className="banner" data-testid="hq-db-from-env">{tc('env.chosen')}</p>}
      <dl className="kv"><dt>{t('db.folder')}</dt><dd><code>{cur.folder}</code></dd></dl>
      {/* The server's answer says what is wrong; the app's generic next step would not fit a setting left unchanged. */}
      {error !== null && (
        <div className="banner banner--error" role="alert">
          <p><strong>{describeError(error).title}</strong></p>
          <p>{t('db.notSaved')}</p>
        </div>
      )}
      {saved && (
        <p className="banner banner--ok" role="status">
          {saved.engine === 'postgres' ? t('db.saved.postgres', { time: saved.asOf ? formatAsOf(saved.asOf, i18n.language) : '—' }) : t('db.saved.sqlite')}
        </p>
      )}
      <form className="form-stack" onSubmit={save}>
        <fieldset className="field field--wide">
          <legend>{t('db.engine')}</legend>
          {(['sqlite', 'postgres'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="hq-engine" value={k} checked={chosen === k} onChange={() => setEngine(k)} /> {t(`db.engine.${k}`)}
            </label>
          ))}
        </fieldset>
        {chosen === 'postgres' && (
          <>
            <div className="field field--wide">
              <label htmlFor="hq-db-url">{t('db.url')}</label>
              <input id="hq-db-url" value={url ?? cur.url ?? ''} onChange={(e) => setUrl(e.target.value)} spellCheck={false} autoComplete="off"
                placeholder={t('db.urlPlaceholder')} aria-describedby="hq-db-url-hint" />
              <p id="hq-db-url-hint" className="field__hint">{t('db.urlHint')}</p>
            </div>
            <div className="field field--wide">
              <label htmlFor="hq-db-password">{t('db.password')}</label>
              <input id="hq-db-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" aria-describedby="hq-db-password-hint" />
              <p id="hq-db-password-hint" className="field__hint">{cur.hasPassword ? t('db.passwordKept') : t('db.passwordHint')}</p>
            </div>
          </>
        )}
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={action.busy}>{action.busy ? t('db.saving') : t('db.save')}</button>
        </div>
      </form>
    </section>
  );
}
