// The auditor's enrolment code: her name, auditor ID and public signing key
// as one text that headquarters pastes, or reads from a file, to enrol her.
import { useState } from 'react';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { saveAs, savedText } from '../api/saveAs';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';

export function EnrolmentPanel() {
  const client = useClient();
  const [code, reload] = useAsync(() => client.call('profile.enrolmentCode', {}), 'enrolment');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNote({ ok: true, text: 'Enrolment code copied. Paste it into the enrol form at headquarters.' });
    } catch {
      setNote({ ok: false, text: 'The code could not be copied here. Select it and copy it, or save it as a file.' });
    }
  };
  const save = async (text: string, fileName: string) => {
    try {
      setNote({ ok: true, text: savedText(await saveAs(client, { kind: 'text', fileName, text }), 'Enrolment code') });
    } catch (err) {
      setNote({ ok: false, text: describeError(err).title });
    }
  };

  return (
    <section className="panel" aria-labelledby="enrol-h">
      <h2 id="enrol-h">Enrolment code for headquarters</h2>
      <p className="text-muted">Headquarters enrols this code once; from then on it can check that your reports and bundles come from you. It holds no secret.</p>
      {code.status === 'loading' && <Loading what="the enrolment code" />}
      {code.status === 'error' && <ErrorPanel error={code.error} onRetry={reload} />}
      {code.status === 'ready' && (
        <>
          <label htmlFor="enrol-code" className="sr-only">Enrolment code</label>
          <textarea id="enrol-code" className="enrol-code" readOnly rows={8} value={code.value.code} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
          <div className="form__actions">
            <button type="button" className="btn" onClick={() => void copy(code.value.code)}>Copy code</button>
            <button type="button" className="btn btn--primary" onClick={() => void save(code.value.code, code.value.fileName)}>Save as file…</button>
          </div>
          {note && <p className={`banner ${note.ok ? 'banner--ok' : 'banner--error'}`} role={note.ok ? 'status' : 'alert'}>{note.text}</p>}
        </>
      )}
    </section>
  );
}
