// Contradictions found in the audit before it is finalized: the auditor
// corrects the record (the warning goes away on refresh) or acknowledges
// it with a reason, which the report prints on the sign-off page.
import { useState } from 'react';
import type { ConsistencyWarning } from '../../../shared/contract/audit-profile-ops';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { photoUrl } from '../evidence/files';
import { useTranslation } from 'react-i18next';
import { useSayMessage } from '../i18n/messages';

export function ConsistencyPanel({ auditId, finalized, version }: { auditId: string; finalized: boolean; version: string }) {
  const client = useClient();
  const [state, reload] = useAsync(() => client.call('consistency.list', { auditId }), `${auditId}:${version}`);
  const [override, setOverride] = useState<ConsistencyWarning[] | null>(null);
  const { t } = useTranslation('report');
  if (state.status === 'loading') return <section className="panel"><Loading what={t('consistency.what')} /></section>;
  if (state.status === 'error') return <section className="panel"><ErrorPanel error={state.error} onRetry={reload} /></section>;
  const list = override ?? state.value ?? [];
  const open = list.filter((w) => !w.acknowledged).length;
  return (
    <section className="panel consistency" aria-labelledby="consistency-h">
      <div className="panel__head">
        <h2 id="consistency-h">{t('consistency.title')}</h2>
        <button type="button" className="btn btn--small" onClick={() => { setOverride(null); reload(); }}>{t('consistency.again')}</button>
      </div>
      {list.length === 0 ? (
        <p className="text-muted">{t('consistency.none')}</p>
      ) : (
        <>
          <p>{open ? t('consistency.open', { count: open }) : t('consistency.allAck')}</p>
          <ul className="consistency__list">
            {list.map((w) => <WarningRow key={w.key} auditId={auditId} warning={w} readOnly={finalized} onChange={setOverride} />)}
          </ul>
        </>
      )}
    </section>
  );
}

function WarningRow({ auditId, warning, readOnly, onChange }: { auditId: string; warning: ConsistencyWarning; readOnly: boolean; onChange(l: ConsistencyWarning[]): void }) {
  const client = useClient();
  const { t } = useTranslation('report');
  const say = useSayMessage();
  const [note, setNote] = useState(warning.note);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (acknowledged: boolean) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await client.call('consistency.acknowledge', { auditId, key: warning.key, acknowledged, note }));
    } catch (err) {
      const m = describeError(err);
      setError(t('error.titleNext', { ns: 'forms', title: m.title, next: m.next }));
    } finally {
      setBusy(false);
    }
  };
  const id = `ack-${warning.key.replace(/[^A-Za-z0-9]/g, '-')}`;
  return (
    <li className={`consistency__item${warning.acknowledged ? ' consistency__item--ack' : ''}`}>
      <p>{say(warning.text)}</p>
      {warning.photoSha && <img className="consistency__photo" alt={t('consistency.photo')} src={photoUrl('thumb', warning.photoSha)} loading="lazy" />}
      {warning.acknowledged ? (
        <p className="text-muted">{t('consistency.acknowledged', { note: warning.note })} {!readOnly && <button type="button" className="btn btn--small btn--quiet" disabled={busy} onClick={() => void send(false)}>{t('consistency.withdraw')}</button>}</p>
      ) : !readOnly && (
        <div className="field">
          <label htmlFor={id}>{t('consistency.why')}</label>
          <input id={id} type="text" value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error ? true : undefined} />
          <button type="button" className="btn btn--small" disabled={busy || !note.trim()} onClick={() => void send(true)}>{t('consistency.acknowledge')}</button>
        </div>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
    </li>
  );
}
