// Handlers of the report operations. The export runs as a job: the op
// answers with its id at once and the UI polls jobs.get for progress.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { signedReportOps } from '../../shared/contract/signed-report-ops';
import { listSignoffs, saveSignoff } from '../core/report/signoffs';
import { checkExportable, exportReport, readReport, resolveReportFile } from '../core/report/export';
import { identityInfo, importIdentity } from '../core/report/sign/identity-store';
import { startJob } from './start-job';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

type ReportHandlers = { [K in keyof typeof signedReportOps]: Handler<K, Core> };

export const reportHandlers: ReportHandlers = {
  'signoffs.list': ({ auditId }, core) => listSignoffs(core, auditId),
  'signoffs.save': (input, core) => saveSignoff(core, input),
  'report.export': ({ auditId, draft, language }, core) => {
    checkExportable(core, auditId, draft);
    return startJob(core, 'report.export', (progress) => exportReport(core, { auditId, draft, language }, progress));
  },
  'report.read': ({ name }, core) => readReport(core, name),
  'report.open': ({ name }, core) => {
    resolveReportFile(core, name);
    throw refusal('not_ready', msg('report.openDesktop', { name, folder: core.paths.reports }));
  },
  'report.showInFolder': ({ name }, core) => {
    resolveReportFile(core, name);
    throw refusal('not_ready', msg('report.showDesktop', { name, folder: core.paths.reports }));
  },
  'report.certificate': (_i, core) => identityInfo(core),
  'report.importCertificate': ({ p12Base64, password }, core) => importIdentity(core, Buffer.from(p12Base64, 'base64'), password),
};

/** What the desktop shell can do with a file (Electron's shell module). */
export interface FileShell {
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

/**
 * The two file handlers for the desktop app: the shell spreads these over
 * the handler table, passing Electron's `shell`. Only reports in
 * DATA/reports, named by the UI, are ever opened.
 */
export function desktopReportHandlers(shell: FileShell): Pick<ReportHandlers, 'report.open' | 'report.showInFolder'> {
  return {
    'report.open': async ({ name }, core) => {
      const problem = await shell.openPath(resolveReportFile(core, name));
      if (problem) throw refusal('storage', msg('report.cannotOpen', { problem }));
      return { opened: true };
    },
    'report.showInFolder': ({ name }, core) => {
      shell.showItemInFolder(resolveReportFile(core, name));
      return { shown: true };
    },
  };
}
