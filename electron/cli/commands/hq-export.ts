// `fairsite hq export`: audits, findings or corrective actions of HQ's
// audits to CSV or XLSX, with the same filters as HQ's screens (validated
// by the contract's schema), or one audit to JSON.
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { HqExportInput } from '../../../shared/domain/hq';
import { plainMessage } from '../../../shared/zod-messages';
import { flag, type OptionSpecs } from '../args';
import type { Command } from './types';
import { HQ_OPTIONS, hqTargetOf, withHq } from './hq';
import { hqPaths, type Hq } from '../../core/hq/context';
import { pgStoreOf } from '../../core/hq/engine/open';
import { withReadCopy } from '../../core/hq/engine/pg-read-copy';
import { exportHq } from '../../core/hq/read/export';

const FILTER_FLAGS = { client: 'client', country: 'country', site: 'siteId', auditor: 'auditorId', band: 'band', from: 'from', to: 'to', status: 'status' } as const;

const OPTIONS: OptionSpecs = {
  ...HQ_OPTIONS,
  what: { type: 'string', value: 'audits|findings|actions|audit', help: 'what to export', required: true },
  format: { type: 'string', value: 'csv|xlsx|json', help: 'the file format (json only for one audit)' },
  out: { type: 'string', value: 'FILE', help: 'the file to write', required: true },
  audit: { type: 'string', value: 'ID', help: 'the audit, with --what audit' },
  client: { type: 'string', value: 'C', help: 'only audits for this client' },
  country: { type: 'string', value: 'CC', help: 'only sites in this country (ISO code)' },
  site: { type: 'string', value: 'ID', help: 'only this site' },
  auditor: { type: 'string', value: 'ID', help: 'only this auditor' },
  band: { type: 'string', value: 'B', help: 'only audits rated in this band' },
  from: { type: 'string', value: 'DATE', help: 'audits ending on or after this day' },
  to: { type: 'string', value: 'DATE', help: 'audits starting on or before this day' },
  status: { type: 'string', value: 'S', help: 'only audits in this status' },
  superseded: { type: 'boolean', help: 'include earlier revisions of reopened audits' },
};

export const hqExport: Command = {
  words: ['hq', 'export'],
  summary: "Export HQ's audits, findings or corrective actions (CSV or XLSX, filtered), or one audit as JSON",
  options: OPTIONS,
  async run(args, io) {
    const what = flag(args, 'what')!;
    const out = flag(args, 'out')!;
    const filter: Record<string, unknown> = { includeSuperseded: args.flags.has('superseded') };
    for (const [f, key] of Object.entries(FILTER_FLAGS)) {
      const v = flag(args, f);
      if (v !== undefined) filter[key] = v;
    }
    const raw = what === 'audit' ? { what, format: flag(args, 'format') ?? 'json', auditId: flag(args, 'audit') } : { what, format: flag(args, 'format'), filter };
    const parsed = HqExportInput.safeParse(raw, { error: plainMessage });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String).join('.');
      throw new AppError('invalid_input', `Please check ${path ? `--${path.replace(/^filter\./, '')}` : 'the options'}: ${issue.message}. See: fairsite hq export --help`);
    }
    const { dir, db } = hqTargetOf(args, io);
    // Exporting never makes an empty headquarters where there was none.
    if (!db && !existsSync(hqPaths(dir).database)) throw new AppError('not_found', `${dir} holds no headquarters database (hq.db). Give the HQ folder with --data (fairsite hq init makes one), or HQ's PostgreSQL server with --db postgres://….`);
    return withHq(args, io, async (hq) => {
      const pg = pgStoreOf(hq);
      const input = parsed.data;
      const run = (h: Hq) => exportHq(h, input, { out });
      const r = pg ? await withReadCopy(hq, pg, run, input.what === 'audit' ? input.auditId : undefined) : await run(hq as Hq);
      io.out(`Wrote ${r.rows} ${input.what === 'audit' ? 'audit' : 'rows'} to ${r.path} (${r.bytes} bytes).`);
      return 0;
    });
  },
};
