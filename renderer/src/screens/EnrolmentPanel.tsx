// The auditor's enrolment code: her name, auditor ID and public signing key
// as one text that headquarters pastes, reads from a file, or scans as a QR code.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { saveAs } from '../api/saveAs';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { savedMessage } from '../sync/saved';
import { QrCode } from './QrCode';

export function EnrolmentPanel() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [code, reload] = useAsync(() => client.call('profile.enrolmentCode', {}), 'enrolment');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNote({ ok: true, text: t('enrolment.copied') });
    } catch {
      setNote({ ok: false, text: t('enrolment.notCopied') });
    }
  };
  const save = async (text: string, fileName: string) => {
    try {
      setNote({ ok: true, text: savedMessage(t, await saveAs(client, { kind: 'text', fileName, text }), 'code') });
    } catch (err) {
      setNote({ ok: false, text: describeError(err).title });
    }
  };

  return (
    <section className="panel" aria-labelledby="enrol-h">
      <h2 id="enrol-h">{t('enrolment.title')}</h2>
      <p className="text-muted">{t('enrolment.lead')}</p>
      {code.status === 'loading' && <Loading what={t('enrolment.loading')} />}
      {code.status === 'error' && <ErrorPanel error={code.error} onRetry={reload} />}
      {code.status === 'ready' && (
        <div className="enrolment">
          <div className="enrolment__text">
            <label htmlFor="enrol-code" className="sr-only">{t('enrolment.label')}</label>
            <textarea id="enrol-code" className="enrol-code" readOnly rows={8} value={code.value.code} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
            <div className="form__actions">
              <button type="button" className="btn" onClick={() => void copy(code.value.code)}>{t('enrolment.copy')}</button>
              <button type="button" className="btn btn--primary" onClick={() => void save(code.value.code, code.value.fileName)}>{t('enrolment.save')}</button>
            </div>
          </div>
          <EnrolmentQr text={code.value.code} />
        </div>
      )}
      {note && <p className={`banner ${note.ok ? 'banner--ok' : 'banner--error'}`} role={note.ok ? 'status' : 'alert'}>{note.text}</p>}
    </section>
  );
}

function EnrolmentQr({ text }: { text: string }) {
  const { t } = useTranslation('hq');
  const label = useMemo(() => t('enrolment.qr'), [t]);
  return (
    <figure className="enrolment__qr">
      <QrCode text={text} label={label} />
      <figcaption className="field__hint">{t('enrolment.qrHint')}</figcaption>
    </figure>
  );
}
