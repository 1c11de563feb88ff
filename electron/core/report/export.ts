// One report export: read the audit, lay it out, sign it when the audit is
// finalized, and write the file atomically. Used by the job (report.export)
// and by `fairsite report`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Core } from '../core';
import type { ReportExportResult } from '../../../shared/domain/report';
import type { Progress } from '../jobs';
import { getAudit } from '../store/repos/audits';
import { loadReportData } from './load';
import { renderReportToFile } from './render';
import { signingIdentity } from './sign/identity-store';
import { fillSignatureInFile } from './sign/sign';
import { hashFile, placeReportFile, recordReportFile } from './report-files';
import { inReportLanguage, type ReportLanguage } from './strings';
import { msg } from '../../../shared/messages';
import { refusal } from '../../../shared/core-messages';

export interface ExportOptions {
  auditId: string;
  draft: boolean;
  /** Where to write; by default DATA/reports/<site>-<date>-r<revision>[-draft].pdf */
  out?: string;
  /** The report's language (English by default). */
  language?: ReportLanguage;
}

export const NOT_FINALIZED = msg('report.notFinalized');

/**
 * A report's file name: a readable prefix (site slug and end date) and what
 * makes it unique, the audit id and revision. Two sites whose names slug
 * alike ("Site, Cebu" and "Site Cebu!", or any two non-Latin names) still get
 * different files.
 */
export function defaultReportName(site: string, endDate: string, auditId: string, revision: number, draft: boolean): string {
  const slug = site.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'audit';
  return `${slug}-${endDate}-${auditId}-r${revision}${draft ? '-draft' : ''}.pdf`;
}

/** `name.pdf`, then `name-2.pdf`, `name-3.pdf`…: the first that is not taken. */
function freeName(dir: string, name: string): string {
  const stem = name.slice(0, -4);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}.pdf`;
    if (!existsSync(join(dir, candidate))) return candidate;
  }
}

/** Refuses at once (before a job starts) what the export would refuse later. */
export function checkExportable(core: Core, auditId: string, draft: boolean): void {
  const audit = getAudit(core.db, auditId);
  if (!draft && audit.status !== 'finalized') throw refusal('not_ready', NOT_FINALIZED);
}

export function exportReport(core: Core, opts: ExportOptions, progress: Progress = () => {}): Promise<ReportExportResult> {
  // The audit is read in the report's language too: template texts and the loader's own phrases.
  return inReportLanguage(opts.language ?? 'en', () => exportIn(core, opts, progress));
}

async function exportIn(core: Core, opts: ExportOptions, progress: Progress): Promise<ReportExportResult> {
  progress(0.01, msg('progress.reading'));
  const data = loadReportData(core, opts.auditId);
  if (!opts.draft && data.audit.status !== 'finalized') throw refusal('not_ready', NOT_FINALIZED);
  // Unlock the key before the long layout, so a wrong passphrase fails at once.
  const identity = opts.draft ? null : signingIdentity(core);
  const signingTime = new Date();
  let out: string;
  if (opts.out) {
    out = opts.out;
    mkdirSync(dirname(out), { recursive: true });
  } else {
    // A signed report is never written over: a second export of the same
    // revision gets its own file, and the record says which is the newest.
    mkdirSync(core.paths.reports, { recursive: true, mode: 0o700 });
    const name = defaultReportName(data.site.name, data.audit.endDate, data.audit.id, data.audit.revision, opts.draft);
    out = join(core.paths.reports, identity ? freeName(core.paths.reports, name) : name);
  }
  // Laid out and signed in a file beside the target, then moved into place:
  // the report is never held whole in memory, and never found half-written.
  const tmp = `${out}.tmp`;
  try {
    const rendered = await renderReportToFile(data, {
      draft: opts.draft,
      language: opts.language ?? 'en',
      onProgress: (f, m) => progress(0.02 + f * 0.88, m),
      signature: identity
        ? {
            name: data.auditor.name,
            // HQ reads the audit and its finalize content hash from here (hq/report-check.ts).
            reason: `Ethical compliance audit report, audit ${data.audit.id} revision ${data.audit.revision}, content hash ${data.audit.contentHash ?? 'none'}`,
            location: [data.site.name, data.site.country].filter(Boolean).join(', '),
            contactInfo: data.auditor.email,
            signingTime,
          }
        : undefined,
    }, tmp);
    if (identity) {
      progress(0.92, msg('progress.signing'));
      await fillSignatureInFile(tmp, identity, signingTime);
    }
    progress(0.97, msg('progress.saving'));
    const { sha256, size } = hashFile(tmp);
    // An explicit --out path is the caller's to replace; DATA/reports keeps every signed report.
    placeReportFile(tmp, out, !!identity && !opts.out);
    if (!opts.out) recordReportFile(core.db, { name: basename(out), auditId: data.audit.id, revision: data.audit.revision, signed: !!identity, sha256, size });
    return { path: out, name: basename(out), pages: rendered.pages, bytes: size, signed: !!identity, warnings: rendered.warnings };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The full path of a report in DATA/reports by its name; refuses anything else. */
export function resolveReportFile(core: Core, name: string): string {
  const file = resolve(core.paths.reports, name);
  if (dirname(file) !== resolve(core.paths.reports) || !/^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/.test(name) || !existsSync(file)) {
    throw refusal('not_found', msg('report.noSuch', { name }));
  }
  return file;
}

export function readReport(core: Core, name: string): { name: string; base64: string } {
  return { name, base64: readFileSync(resolveReportFile(core, name)).toString('base64') };
}
