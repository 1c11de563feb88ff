// Every signed report a bundle carries is checked before HQ stores it: the
// PDF signature is valid, its certificate is vouched for by the key that
// signed the bundle (the audit's owner), and the audit id, revision and
// finalize content hash it seals are those of the audit record it comes with.
import { readFileSync } from 'node:fs';
import type { Db } from '../store/db';
import { reject } from '../bundle/rejection';
import { msg } from '../../../shared/messages';
import type { VerifiedBundle } from '../bundle/verify';
import { stagingPathOf } from '../bundle/zip-reader';
import { reportPath } from '../bundle/entry-names';
import { ReportCheckFailed, verifySignedReport } from '../report/sign/verify-pdf';

/** Audit id of each report file the bundle carries, once checked; refuses (bad_report) otherwise. */
export function checkReports(db: Db, v: VerifiedBundle): Map<string, string> {
  const carried = new Set(v.manifest.files.filter((f) => f.path.startsWith('reports/')).map((f) => f.path));
  const owners = new Map<string, string>();
  const stored = db.prepare('SELECT audit_id FROM reports WHERE sha256 = ?');
  for (const doc of v.audits) {
    for (const r of doc.reports) {
      const path = reportPath(r.sha256);
      const label = { report: r.name.slice(0, 80), audit: doc.audit.id };
      if (!carried.has(path)) {
        const row = stored.get(r.sha256) as { audit_id: string | null } | undefined;
        if (row?.audit_id && row.audit_id !== doc.audit.id) reject('bad_report', msg('hqCheck.reportOtherAudit', { ...label, other: row.audit_id }));
        continue;
      }
      if (!v.filesDir) throw new Error('bundle files were not extracted');
      let facts;
      try {
        facts = verifySignedReport(readFileSync(stagingPathOf(v.filesDir, path)));
      } catch (e) {
        if (e instanceof ReportCheckFailed) {
          return reject('bad_report', msg('hqCheck.reportRefused', { ...label, error: e.text }));
        }
        throw e;
      }
      if (facts.endorsedBy !== v.signer.fingerprint) reject('bad_report', msg('hqCheck.reportOtherSigner', label));
      if (facts.auditId !== doc.audit.id || facts.revision !== doc.audit.revision) reject('bad_report', msg('hqCheck.reportOtherRevision', { ...label, sealed: facts.auditId, revision: facts.revision }));
      if (doc.audit.status !== 'finalized' || facts.contentHash !== doc.audit.contentHash) reject('bad_report', msg('hqCheck.reportOtherContent', { ...label, hash: facts.contentHash.slice(0, 12) }));
      owners.set(r.sha256, doc.audit.id);
      carried.delete(path);
    }
  }
  const stray = [...carried][0];
  if (stray) reject('bad_report', msg('hqCheck.reportStray', { file: stray }));
  return owners;
}
