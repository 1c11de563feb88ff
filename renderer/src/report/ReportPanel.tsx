// The report part of an audit's summary: the site and workforce profile,
// the consistency checks, signatures of the closing meeting, then the PDF
// export.
import { AuditProfilePanel } from './AuditProfilePanel';
import { ConsistencyPanel } from './ConsistencyPanel';
import { ExportReport } from './ExportReport';
import { SignoffPanel } from './SignoffPanel';
import './report.css';

export function ReportPanel({ auditId, finalized, version }: { auditId: string; finalized: boolean; version: string }) {
  return (
    <div className="report-panel">
      <details className="panel">
        <summary><h2 className="inline-h">Site and workforce profile, declaration</h2></summary>
        <AuditProfilePanel auditId={auditId} finalized={finalized} />
      </details>
      <ConsistencyPanel auditId={auditId} finalized={finalized} version={version} />
      <SignoffPanel auditId={auditId} finalized={finalized} version={version} />
      <ExportReport auditId={auditId} finalized={finalized} />
    </div>
  );
}
