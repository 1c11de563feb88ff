// One import from the inbox, whatever brought the files: paths from the
// native dialog, or files handed over in the page (uploaded first). The
// results come back as HQ's receipts; the screen reloads its lists after.
import { useState } from 'react';
import type { ImportResult } from '../../../shared/domain/sync';
import { waitForJob } from '../../../shared/contract/jobs';
import { useClient } from '../api/context';
import { useAction } from '../app/useAction';
import { bundleFiles, uploadFile } from './upload';

export interface InboxImport {
  busy: boolean;
  progress: number;
  results: ImportResult[] | null;
  error: unknown;
  /** Dropped or page-picked files that were not bundles (ignored). */
  ignored: number;
  importPaths(paths: string[]): Promise<void>;
  importFiles(files: File[]): Promise<void>;
}

function flatten(rs: ImportResult[]): ImportResult[] {
  return rs.flatMap((r) => [r, ...flatten(r.released ?? [])]);
}

export function useInboxImport(onDone: () => void): InboxImport {
  const client = useClient();
  const action = useAction();
  const [progress, setProgress] = useState(0);
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ignored, setIgnored] = useState(0);

  const run = (source: 'upload' | 'picked', paths: () => Promise<string[]>) => action.run(async () => {
    setError(null);
    setResults(null);
    setProgress(0);
    try {
      const list = await paths();
      if (!list.length) return;
      const { jobId } = await client.call('hq.importInbox', { paths: list, source });
      setResults(flatten(await waitForJob(client.call, 'hq.importInbox', jobId, { onProgress: (f) => setProgress(0.5 + f / 2) })));
    } catch (e) {
      setError(e);
    } finally {
      onDone();
    }
  });

  return {
    busy: action.busy, progress, results, error, ignored,
    importPaths: (paths) => run('picked', async () => { setIgnored(0); return paths; }),
    importFiles: (files) => run('upload', async () => {
      const bundles = bundleFiles(files);
      setIgnored(files.length - bundles.length);
      const total = bundles.reduce((n, f) => n + f.size, 0) || 1;
      let sent = 0;
      const out: string[] = [];
      for (const f of bundles) {
        out.push(await uploadFile(client, f, (fr) => setProgress(((sent + fr * f.size) / total) / 2)));
        sent += f.size;
      }
      return out;
    }),
  };
}
