// `fairsite report`: the signed PDF report of a finalized audit (or a
// watermarked draft), made by the same report.export job the app runs.
import { copyFileSync, renameSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { waitForJob } from '../../../shared/contract/jobs';
import { formatBytes } from '../../../shared/format-bytes';
import { DATA, flag } from '../args';
import { withCore } from '../io';
import { requirePassphrase } from '../passphrase';
import type { Command } from './types';

function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // Another disk: copy, then remove the original.
    copyFileSync(from, to);
    unlinkSync(from);
  }
}

export const report: Command = {
  words: ['report'],
  summary: 'Write the signed PDF report of a finalized audit (--draft: unsigned, watermarked)',
  options: {
    audit: { type: 'string', value: 'ID', help: 'the audit (fairsite audits list shows the ids)', required: true },
    out: { type: 'string', value: 'FILE.pdf', help: 'where the PDF goes', required: true },
    draft: { type: 'boolean', help: 'an unsigned draft with a watermark (no passphrase needed)' },
    data: DATA,
  },
  async run(args, io) {
    const auditId = flag(args, 'audit')!;
    const out = flag(args, 'out')!;
    const draft = args.flags.has('draft');
    const ioWithPass = draft ? io : await requirePassphrase(io, 'The report is signed with your key');
    return withCore(args, ioWithPass, async (call) => {
      const { jobId } = await call('report.export', { auditId, draft });
      let shown = -1;
      const r = await waitForJob(call, 'report.export', jobId, {
        pollMs: 50,
        onProgress: (progress, message) => {
          const pct = Math.floor(progress * 10) * 10;
          if (pct === shown) return;
          io.err(`${String(pct).padStart(3)} %  ${message}`);
          shown = pct;
        },
      });
      const target = resolve(out);
      // A signed report stays in the data folder too: the next bundle carries it from there.
      if (r.signed) copyFileSync(r.path, target);
      else moveFile(r.path, target);
      io.out(`${r.signed ? 'Signed report' : 'Draft report (not signed)'}: ${target} (${r.pages} pages, ${formatBytes(r.bytes)})`);
      for (const w of r.warnings) io.err(`Warning: ${w}`);
      return 0;
    });
  },
};
