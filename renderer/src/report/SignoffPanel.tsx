// The closing meeting's signatures: the auditor's and the site
// representative's (with the authority statement), drawn on a pad and
// saved before the audit is finalized; shown read-only afterwards.
import { useCallback, useRef, useState } from 'react';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import type { Signoff } from '../../../shared/contract/report-ops';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

type Role = Signoff['role'];
const ROLE_LABEL: Record<Role, string> = { auditor: 'Auditor', site_rep: 'Site representative' };
export const AUTHORITY_TEXT = 'has authority to implement the corrective actions agreed in this report';

function SignoffForm({ auditId, role, existing, locked, onSaved }: { auditId: string; role: Role; existing: Signoff | undefined; locked: boolean; onSaved(): void }) {
  const client = useClient();
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
      setError(new Error('Draw the signature in the box first.'));
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
      <legend id={`${id}-legend`}>{ROLE_LABEL[role]}</legend>
      {existing && (
        <figure className="signoff__saved">
          <img src={`data:image/png;base64,${existing.pngBase64}`} alt={`Signature of ${existing.name}`} />
          <figcaption>
            {existing.name}{existing.title ? `, ${existing.title}` : ''} · signed {existing.signedAt.slice(0, 16).replace('T', ' ')} UTC
            {role === 'site_rep' && <><br />{existing.hasAuthority ? `${existing.name} ${AUTHORITY_TEXT}.` : 'Authority to implement the corrective actions not confirmed.'}</>}
          </figcaption>
        </figure>
      )}
      {!locked && (
        <>
          <SignaturePad label={`${ROLE_LABEL[role]} signature`} onReady={onReady} />
          <div className="signoff__fields">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
            <label htmlFor={`${id}-title`}>Title</label>
            <input id={`${id}-title`} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
          </div>
          {role === 'site_rep' && (
            <label className="signoff__authority">
              <input type="checkbox" checked={authority} onChange={(e) => setAuthority(e.target.checked)} />
              {' '}{name.trim() || 'The representative'} {AUTHORITY_TEXT}
            </label>
          )}
          <div className="form__actions">
            <button type="button" className="btn" onClick={() => pad.current?.clear()}>Clear</button>
            <button type="button" className="btn btn--primary" disabled={busy || !name.trim()} onClick={() => void save()}>{existing ? 'Replace signature' : 'Save signature'}</button>
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
  return (
    <section className="signoffs" aria-labelledby="signoffs-title">
      <h3 id="signoffs-title">Sign-off</h3>
      {list.status === 'loading' && <Loading what="signatures" />}
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
