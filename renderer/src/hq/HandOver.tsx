// "Hand over to…" on an audit at headquarters: the audit (and its later
// revisions) moves to another enrolled, unrevoked auditor's key, with the
// reason kept in HQ's record; from then on only that key may send it. The
// receiving auditor is chosen from the enrolled keys, the reason is typed,
// and the move is asked once more in a dialog (it changes who may send the
// audit). Works the same with HQ's data on SQLite or on PostgreSQL.
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { EnrolledAuditor } from '../../../shared/domain/sync';

type Auditor = z.infer<typeof EnrolledAuditor>;
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { useAction } from '../app/useAction';
import { ConfirmDialog } from './ConfirmDialog';

export function HandOver({ auditId, siteName, ownerFingerprint, onDone }: { auditId: string; siteName: string; ownerFingerprint: string; onDone(): void }) {
  const client = useClient();
  const { t } = useTranslation('hqhandover');
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [auditors, setAuditors] = useState<Auditor[] | null>(null);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const target = auditors?.find((a) => a.fingerprint === to) ?? null;

  const start = () => void action.run(async () => {
    setError(null);
    setDone(null);
    try {
      const s = await client.call('hq.status', {});
      // Only keys that may receive it: enrolled, not revoked, not the owner's own.
      setAuditors(s.auditors.filter((a) => !a.revokedAt && a.fingerprint !== ownerFingerprint));
      setTo('');
      setReason('');
      setOpen(true);
    } catch (e) {
      setError(e);
    }
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target && reason.trim()) setAsking(true);
  };
  const handOver = () => void action.run(async () => {
    setError(null);
    try {
      await client.call('hq.handover', { auditId, toFingerprint: to, reason: reason.trim() });
      setDone(t('done', { name: target?.name ?? '', auditorId: target?.auditorId ?? '' }));
      setOpen(false);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setAsking(false);
    }
  });

  return (
    <div className="handover">
      {done && <p className="banner banner--ok" role="status">{done}</p>}
      {!open && <div className="form__actions"><button type="button" className="btn btn--small" disabled={action.busy} onClick={start}>{t('open')}</button></div>}
      {open && auditors && (
        <form className="form-stack" onSubmit={submit} aria-label={t('formLabel')}>
          <p className="text-muted">{t('lead')}</p>
          {auditors.length === 0 ? <p>{t('nobody')}</p> : (
            <>
              <div className="field">
                <label htmlFor="ho-to">{t('to')}</label>
                <select id="ho-to" required value={to} onChange={(e) => setTo(e.target.value)}>
                  <option value="">{t('choose')}</option>
                  {auditors.map((a) => <option key={a.fingerprint} value={a.fingerprint}>{t('option', { name: a.name, auditorId: a.auditorId, key: a.displayFingerprint.slice(0, 19) })}</option>)}
                </select>
              </div>
              <div className="field field--wide">
                <label htmlFor="ho-reason">{t('reason')}</label>
                <textarea id="ho-reason" required rows={3} maxLength={500} value={reason} aria-describedby="ho-reason-hint" onChange={(e) => setReason(e.target.value)} />
                <p id="ho-reason-hint" className="field__hint">{t('reasonHint')}</p>
              </div>
            </>
          )}
          <div className="form__actions">
            <button type="button" className="btn" onClick={() => setOpen(false)}>{t('cancel')}</button>
            {auditors.length > 0 && <button type="submit" className="btn btn--primary" disabled={action.busy || !target || !reason.trim()}>{t('submit')}</button>}
          </div>
        </form>
      )}
      {error !== null && <ErrorPanel error={error} />}
      {asking && target && (
        <ConfirmDialog title={t('confirmTitle', { site: siteName, name: target.name })} confirm={t('confirm')} cancel={t('cancel')} busy={action.busy}
          onConfirm={handOver} onCancel={() => setAsking(false)}>
          <p>{t('confirmText', { name: target.name, auditorId: target.auditorId })}</p>
          <p>{t('confirmReason', { reason: reason.trim() })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
