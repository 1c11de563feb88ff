// "Export PDF": runs the report.export job, shows its progress, then hands
// the file over in the same action (Save as… in the desktop app, a download
// in the browser), and offers Open and Show in folder. The report's language
// is chosen here among the audit's (its template's translations): English
// first and by default, Spanish or French where the template has them.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { waitForJob } from '../../../shared/contract/jobs';
import type { ReportExportResult } from '../../../shared/domain/report';
import { saveAs, savedText } from '../api/saveAs';
import { formatBytes } from '../../../shared/format-bytes';
import { sayMessage } from '../i18n/messages';

type State =
  | { step: 'idle' }
  | { step: 'running'; progress: number; message: string }
  | { step: 'done'; result: ReportExportResult }
  | { step: 'failed'; error: unknown };

const POLL_MS = 200;
const REPORT_LANGUAGES = ['en', 'es', 'fr'] as const;
type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The report languages an audit offers: English always and first, then those its template is translated into. */
export function offeredLanguages(templateLanguages: readonly string[]): ReportLanguage[] {
  return REPORT_LANGUAGES.filter((l) => l === 'en' || templateLanguages.includes(l));
}

export function ExportReport({ auditId, finalized, languages = ['en'] }: { auditId: string; finalized: boolean; languages?: readonly string[] }) {
  const client = useClient();
  const { t, i18n } = useTranslation('report');
  const langId = useId();
  const [language, setLanguage] = useState<ReportLanguage>('en');
  const [state, setState] = useState<State>({ step: 'idle' });
  const [note, setNote] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(() => () => { live.current = false; }, []);

  const run = async () => {
    setNote(null);
    setSaved(null);
    setState({ step: 'running', progress: 0, message: t('export.starting') });
    try {
      const { jobId } = await client.call('report.export', { auditId, draft: !finalized, language });
      const result = await waitForJob(client.call, 'report.export', jobId, {
        pollMs: POLL_MS,
        cancelled: () => !live.current,
        // The core names each step by a message, said here in the UI's language.
        onProgress: (progress, message, text) => setState({ step: 'running', progress, message: text ? sayMessage(text) : message }),
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
      if (live.current) setSaved(savedText(r, 'report'));
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
      <h3 id="report-export-title">{t('export.title')}</h3>
      <p className="report-export__hint">{finalized ? t('export.hintSigned') : t('export.hintDraft')}</p>
      <div className="field">
        <label htmlFor={langId}>{t('export.language')}</label>
        <select id={langId} value={language} disabled={running} aria-describedby={`${langId}-hint`} onChange={(e) => setLanguage(e.target.value as ReportLanguage)}>
          {offeredLanguages(languages).map((l) => <option key={l} value={l}>{t(`export.lang.${l}`)}</option>)}
        </select>
        <p id={`${langId}-hint`} className="field__hint">{t('export.languageHint')}</p>
      </div>
      <button type="button" className="btn btn--primary" disabled={running} onClick={() => void run()}>
        {running ? t('export.running') : finalized ? t('export.signed') : t('export.draft')}
      </button>
      {state.step === 'running' && (
        <div className="report-export__progress">
          <progress max={1} value={state.progress} aria-label={t('export.progress')} />
          <span aria-live="polite">{t('export.progressText', { percent: new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(state.progress), message: state.message })}</span>
        </div>
      )}
      {state.step === 'failed' && <ErrorPanel error={state.error} onRetry={() => void run()} />}
      {state.step === 'done' && (
        <div className="report-export__done" role="status">
          <p>
            <strong>{state.result.signed ? t('export.savedSigned') : t('export.savedDraft')}</strong>{' '}
            {t('export.file', { name: state.result.name, count: state.result.pages, size: formatBytes(state.result.bytes, i18n.language) })}
          </p>
          {saved && <p>{saved}</p>}
          {state.result.warnings.map((w) => <p key={w} className="report-export__warning">{w}</p>)}
          <div className="report-export__actions">
            <button type="button" className="btn" onClick={() => void shell('report.open', state.result.name)}>{t('export.open')}</button>
            <button type="button" className="btn" onClick={() => void shell('report.showInFolder', state.result.name)}>{t('export.show')}</button>
            <button type="button" className="btn btn--quiet" onClick={() => void saveCopy(state.result.name)}>{t('export.saveCopy')}</button>
          </div>
        </div>
      )}
      {note !== null && <ErrorPanel error={note} />}
    </section>
  );
}
