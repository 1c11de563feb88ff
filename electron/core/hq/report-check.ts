// Every signed report a bundle carries is checked before HQ stores it: the
// PDF signature is valid, its certificate is vouched for by the key that
// signed the bundle (the audit's owner), and the audit id, revision and
// finalize content hash it seals are those of the audit record it comes with.
import { readFileSync } from 'node:fs';
import type { Db } from '../store/db';
import { reject } from '../bundle/rejection';
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
      const label = `Report ${r.name.slice(0, 80)} of audit ${doc.audit.id}`;
      if (!carried.has(path)) {
        const row = stored.get(r.sha256) as { audit_id: string | null } | undefined;
        if (row?.audit_id && row.audit_id !== doc.audit.id) reject('bad_report', `${label} is the report of another audit (${row.audit_id}).`);
        continue;
      }
      if (!v.filesDir) throw new Error('bundle files were not extracted');
      let facts;
      try {
        facts = verifySignedReport(readFileSync(stagingPathOf(v.filesDir, path)));
      } catch (e) {
        if (e instanceof ReportCheckFailed) {
          return reject('bad_report', `${label} was refused: ${e.message}. If it was signed before reports carried the auditor's endorsement, export the report again on the laptop and send a new bundle.`);
        }
        throw e;
      }
      if (facts.endorsedBy !== v.signer.fingerprint) reject('bad_report', `${label} is signed with a certificate that belongs to another auditor's key, not the key that signed this bundle.`);
      if (facts.auditId !== doc.audit.id || facts.revision !== doc.audit.revision) reject('bad_report', `${label} seals audit ${facts.auditId} revision ${facts.revision}, not this one.`);
      if (doc.audit.status !== 'finalized' || facts.contentHash !== doc.audit.contentHash) reject('bad_report', `${label} seals content hash ${facts.contentHash.slice(0, 12)}…, which is not the audit's finalize content hash.`);
      owners.set(r.sha256, doc.audit.id);
      carried.delete(path);
    }
  }
  const stray = [...carried][0];
  if (stray) reject('bad_report', `The bundle carries ${stray}, which no audit record names as its report.`);
  return owners;
}
