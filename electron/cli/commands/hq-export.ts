// `fairsite hq export`: audits, findings or corrective actions of HQ's
// audits to CSV or XLSX, with the same filters as HQ's screens (validated
// by the contract's schema), or one audit to JSON.
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { HqExportInput } from '../../../shared/contract/hq-ops';
import { plainMessage } from '../../../shared/zod-messages';
import { flag } from '../args';
import { dataDirOf } from '../io';
import type { Command } from './types';
import { hqPaths, openHq } from '../../core/hq/context';
import { exportHq } from '../../core/hq/read/export';
import { envPassphraseBox } from '../../core/keys/secret-box';

const FILTER_FLAGS = { client: 'client', country: 'country', site: 'siteId', auditor: 'auditorId', band: 'band', from: 'from', to: 'to', status: 'status' } as const;

export const hqExport: Command = {
  words: ['hq', 'export'],
  usage: 'fairsite hq export --data DIR --what audits|findings|actions --format csv|xlsx --out FILE [--client C] [--country CC] [--site ID] [--auditor ID] [--band B] [--from DATE] [--to DATE] [--status S] [--superseded] | --what audit --audit ID --format json --out FILE',
  summary: "Export HQ's audits, findings or corrective actions (CSV or XLSX, filtered), or one audit as JSON",
  async run(args, io) {
    const what = flag(args, 'what');
    const out = flag(args, 'out');
    if (!what || !out) {
      io.err(`Usage: ${this.usage}`);
      return 2;
    }
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
      throw new AppError('invalid_input', `Please check ${path ? `--${path.replace(/^filter\./, '')}` : 'the options'}: ${issue.message}. Usage: ${this.usage}`);
    }
    const dir = dataDirOf(args, io);
    // Exporting never makes an empty headquarters where there was none.
    if (!existsSync(hqPaths(dir).database)) throw new AppError('not_found', `${dir} holds no headquarters database (hq.db). Give the HQ folder with --data.`);
    const hq = await openHq(dir, envPassphraseBox(io.env));
    try {
      const r = await exportHq(hq, parsed.data, { out });
      io.out(`Wrote ${r.rows} ${parsed.data.what === 'audit' ? 'audit' : 'rows'} to ${r.path} (${r.bytes} bytes).`);
      return 0;
    } finally {
      hq.close();
    }
  },
};
