// The closing meeting's signatures: the auditor's and the site
// representative's (with the authority statement), drawn on a pad and
// saved before the audit is finalized; shown read-only afterwards.
import { useCallback, useRef, useState } from 'react';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import type { Signoff } from '../../../shared/domain/report';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../i18n/format';

type Role = Signoff['role'];
export const AUTHORITY_TEXT = 'has authority to implement the corrective actions agreed in this report';

function SignoffForm({ auditId, role, existing, locked, onSaved }: { auditId: string; role: Role; existing: Signoff | undefined; locked: boolean; onSaved(): void }) {
  const client = useClient();
  const { t } = useTranslation('report');
  const f = useLocaleFormat();
  const pad = useRef<SignaturePadHandle | null>(null);
  const onReady = useCallback((h: SignaturePadHandle) => { pad.current = h; }, []);
  const [name, setName] = useState(existing?.name ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [authority, setAuthority] = useState(existing?.hasAuthority ?? false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = `signoff-${role}`;

  const save = async () => {
    setError(null);
    const png = pad.current?.pngBase64();
    if (!png) {
      setError(new Error(t('sign.drawFirst')));
      return;
    }
    setBusy(true);
    try {
      await client.call('signoffs.save', { auditId, role, name, title, hasAuthority: role === 'site_rep' && authority, pngBase64: png });
      pad.current?.clear();
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="signoff" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{t(`sign.role.${role}`)}</legend>
      {existing && (
        <figure className="signoff__saved">
          <img src={`data:image/png;base64,${existing.pngBase64}`} alt={t('sign.alt', { name: existing.name })} />
          <figcaption>
            {t(existing.title ? 'sign.byTitled' : 'sign.by', { name: existing.name, title: existing.title, time: f.dateTime(existing.signedAt, 'UTC') })}
            {role === 'site_rep' && <><br />{existing.hasAuthority ? t('sign.authority', { name: existing.name }) : t('sign.noAuthority')}</>}
          </figcaption>
        </figure>
      )}
      {!locked && (
        <>
          <SignaturePad label={t(`sign.padLabel.${role}`)} onReady={onReady} />
          <div className="signoff__fields">
            <label htmlFor={`${id}-name`}>{t('sign.name')}</label>
            <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
            <label htmlFor={`${id}-title`}>{t('sign.title')}</label>
            <input id={`${id}-title`} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
          </div>
          {role === 'site_rep' && (
            <label className="signoff__authority">
              <input type="checkbox" checked={authority} onChange={(e) => setAuthority(e.target.checked)} />
              {' '}{t('sign.authorityCheck', { name: name.trim() || t('sign.theRep') })}
            </label>
          )}
          <div className="form__actions">
            <button type="button" className="btn" onClick={() => pad.current?.clear()}>{t('sign.clear')}</button>
            <button type="button" className="btn btn--primary" disabled={busy || !name.trim()} onClick={() => void save()}>{existing ? t('sign.replace') : t('sign.save')}</button>
          </div>
        </>
      )}
      {error !== null && <ErrorPanel error={error} />}
    </fieldset>
  );
}

export function SignoffPanel({ auditId, finalized, version }: { auditId: string; finalized: boolean; version: string }) {
  const client = useClient();
  const [list, reload] = useAsync(() => client.call('signoffs.list', { auditId }), `${auditId}:${version}`);
  const { t } = useTranslation('report');
  return (
    <section className="signoffs" aria-labelledby="signoffs-title">
      <h3 id="signoffs-title">{t('sign.heading')}</h3>
      {list.status === 'loading' && <Loading what={t('sign.what')} />}
      {list.status === 'error' && <ErrorPanel error={list.error} onRetry={reload} />}
      {list.status === 'ready' && (
        <div className="signoffs__pair">
          {(['auditor', 'site_rep'] as const).map((role) => (
            <SignoffForm key={role} auditId={auditId} role={role} existing={list.value.find((s) => s.role === role)} locked={finalized} onSaved={reload} />
          ))}
        </div>
      )}
    </section>
  );
}
