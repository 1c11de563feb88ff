// Enrol an auditor from the laptop's enrolment code: pasted, dropped as a
// file, or chosen with the Open dialog. A full code fills the name and
// auditor ID too; a bare public key only the key.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEnrolmentCode } from '../../../shared/enrolment';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { useAction } from '../app/useAction';
import { openedText, openFiles } from './openFiles';

const EMPTY = { publicKey: '', auditorId: '', name: '' };

export function EnrolForm({ onEnrolled }: { onEnrolled(): void }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [enrol, setEnrol] = useState(EMPTY);
  const [notCode, setNotCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const action = useAction();

  const takeCode = (text: string | null) => {
    const c = text ? parseEnrolmentCode(text) : null;
    setNotCode(!c);
    if (c) setEnrol((cur) => ({ publicKey: c.publicKey, name: c.name || cur.name, auditorId: c.auditorId || cur.auditorId }));
  };
  const choose = async () => {
    setError(null);
    try {
      const o = await openFiles(client, 'enrolment');
      if (o) takeCode(await openedText(o));
    } catch (e) {
      setError(e);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      setError(null);
      try {
        await client.call('hq.enrol', enrol);
        setEnrol(EMPTY);
        onEnrolled();
      } catch (err) {
        setError(err);
      }
    });
  };

  return (
    <form onSubmit={submit} className="form-stack" aria-label={t('auditors.enrolForm')}>
      <div className="field field--wide dropzone dropzone--small" data-testid="enrol-drop" onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => { e.preventDefault(); const f = e.dataTransfer.files[0]; if (f) void f.text().then(takeCode); }}>
        <label htmlFor="en-key">{t('auditors.codeLabel')}</label>
        <textarea id="en-key" required rows={6} value={enrol.publicKey} spellCheck={false} aria-describedby="en-key-hint"
          onChange={(e) => setEnrol({ ...enrol, publicKey: e.target.value })}
          onPaste={(e) => { const text = e.clipboardData.getData('text'); if (parseEnrolmentCode(text)) { e.preventDefault(); takeCode(text); } }} />
        <p id="en-key-hint" className="field__hint">{t('auditors.codeHint')}</p>
        <div><button type="button" className="btn" onClick={() => void choose()}>{t('auditors.chooseCode')}</button></div>
        {notCode && <p className="field__error" role="alert">{t('auditors.notCode')}</p>}
      </div>
      <div className="field"><label htmlFor="en-name">{t('auditors.name')}</label><input id="en-name" required value={enrol.name} onChange={(e) => setEnrol({ ...enrol, name: e.target.value })} /></div>
      <div className="field"><label htmlFor="en-id">{t('auditors.auditorId')}</label><input id="en-id" required value={enrol.auditorId} onChange={(e) => setEnrol({ ...enrol, auditorId: e.target.value })} /></div>
      <div className="form__actions"><button type="submit" className="btn btn--primary" disabled={action.busy}>{t('auditors.enrol')}</button></div>
      {error !== null && <ErrorPanel error={error} />}
    </form>
  );
}
