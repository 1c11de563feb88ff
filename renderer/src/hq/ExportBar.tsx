// Export what the list shows (the same filters) to CSV or XLSX: an hq.export
// job writes the file in HQ's exports folder, and the page downloads it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqAuditFilter } from '../../../shared/domain/hq';
import { waitForJob } from '../../../shared/contract/jobs';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { useAction } from '../app/useAction';
import { downloadBytes, hqCall } from './hqCall';
import { coreLanguage } from '../i18n/languages';

type What = 'audits' | 'findings' | 'actions';

export function useExport() {
  const client = useClient();
  const action = useAction();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ name: string; rows: number } | null>(null);
  const run = (input: Parameters<typeof hqCall<'hq.export'>>[2]) => action.run(async () => {
    setError(null);
    setDone(null);
    try {
      const { jobId } = await hqCall(client, 'hq.export', input);
      const r = await waitForJob(client.call, 'hq.export', jobId);
      const file = await hqCall(client, 'hq.exportRead', { name: r.name });
      downloadBytes(file.base64, file.contentType, file.name);
      setDone({ name: r.name, rows: r.rows });
    } catch (e) {
      setError(e);
    }
  });
  return { busy: action.busy, error, done, run };
}

export function ExportBar({ filter, whats }: { filter: Partial<HqAuditFilter>; whats: What[] }) {
  const { t, i18n } = useTranslation('hq');
  const ex = useExport();
  // The file's headers and statuses in the screen's language.
  const language = coreLanguage(i18n.language);
  return (
    <div className="export-bar" role="group" aria-label={t('export.label')}>
      {whats.flatMap((what) => (['csv', 'xlsx'] as const).map((format) => (
        <button key={`${what}-${format}`} type="button" className="btn btn--small" disabled={ex.busy}
          onClick={() => void ex.run({ what, format, filter, language })}>{t(`export.${what}.${format}`)}</button>
      )))}
      {ex.done && <span role="status" className="text-muted">{t('export.done', { count: ex.done.rows, name: ex.done.name })}</span>}
      {ex.error !== null && <ErrorPanel error={ex.error} />}
    </div>
  );
}
