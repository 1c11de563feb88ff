// "Export PDF": runs the report.export job, shows its progress, then hands
// the file over in the same action (Save as… in the desktop app, a download
// in the browser), and offers Open and Show in folder.
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { waitForJob } from '../../../shared/contract/jobs';
import type { ReportExportResult } from '../../../shared/contract/report-ops';
import { saveAs, savedText } from '../api/saveAs';

type State =
  | { step: 'idle' }
  | { step: 'running'; progress: number; message: string }
  | { step: 'done'; result: ReportExportResult }
  | { step: 'failed'; error: unknown };

const POLL_MS = 200;

export function ExportReport({ auditId, finalized }: { auditId: string; finalized: boolean }) {
  const client = useClient();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [note, setNote] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(() => () => { live.current = false; }, []);

  const run = async () => {
    setNote(null);
    setSaved(null);
    setState({ step: 'running', progress: 0, message: 'Starting' });
    try {
      const { jobId } = await client.call('report.export', { auditId, draft: !finalized });
      const result = await waitForJob(client.call, 'report.export', jobId, {
        pollMs: POLL_MS,
        cancelled: () => !live.current,
        onProgress: (progress, message) => setState({ step: 'running', progress, message }),
      });
      if (!live.current) return;
      const done = result;
      setState({ step: 'done', result: done });
      await saveCopy(done.name);
    } catch (error) {
      if (live.current) setState({ step: 'failed', error });
    }
  };

  const saveCopy = async (name: string) => {
    setNote(null);
    try {
      const r = await saveAs(client, { kind: 'report', name });
      if (live.current) setSaved(savedText(r, 'Report'));
    } catch (err) {
      if (live.current) setNote(err);
    }
  };

  const shell = async (op: 'report.open' | 'report.showInFolder', name: string) => {
    setNote(null);
    try {
      await client.call(op, { name });
    } catch (err) {
      setNote(err);
    }
  };

  const running = state.step === 'running';
  return (
    <section className="report-export" aria-labelledby="report-export-title">
      <h3 id="report-export-title">Report</h3>
      <p className="report-export__hint">
        {finalized
          ? 'The PDF report is signed with your certificate: any change to the file shows in a PDF reader.'
          : 'This audit is not finalized: the PDF is a draft, watermarked "DRAFT — not signed".'}
      </p>
      <button type="button" className="btn btn--primary" disabled={running} onClick={() => void run()}>
        {running ? 'Exporting…' : finalized ? 'Export PDF' : 'Export draft PDF'}
      </button>
      {state.step === 'running' && (
        <div className="report-export__progress">
          <progress max={1} value={state.progress} aria-label="Report export progress" />
          <span aria-live="polite">{Math.round(state.progress * 100)} % · {state.message}</span>
        </div>
      )}
      {state.step === 'failed' && <ErrorPanel error={state.error} onRetry={() => void run()} />}
      {state.step === 'done' && (
        <div className="report-export__done" role="status">
          <p>
            <strong>{state.result.signed ? 'Signed report saved.' : 'Draft report saved.'}</strong>{' '}
            {state.result.name} · {state.result.pages} pages · {(state.result.bytes / 1e6).toFixed(1)} MB
          </p>
          {saved && <p>{saved}</p>}
          {state.result.warnings.map((w) => <p key={w} className="report-export__warning">{w}</p>)}
          <div className="report-export__actions">
            <button type="button" className="btn" onClick={() => void shell('report.open', state.result.name)}>Open</button>
            <button type="button" className="btn" onClick={() => void shell('report.showInFolder', state.result.name)}>Show in folder</button>
            <button type="button" className="btn btn--quiet" onClick={() => void saveCopy(state.result.name)}>Save another copy…</button>
          </div>
        </div>
      )}
      {note !== null && <ErrorPanel error={note} />}
    </section>
  );
}
