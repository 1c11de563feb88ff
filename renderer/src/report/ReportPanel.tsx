// The report part of an audit's summary: signatures of the closing meeting,
// then the PDF export.
import { ExportReport } from './ExportReport';
import { SignoffPanel } from './SignoffPanel';
import './report.css';

export function ReportPanel({ auditId, finalized, version }: { auditId: string; finalized: boolean; version: string }) {
  return (
    <div className="report-panel">
      <SignoffPanel auditId={auditId} finalized={finalized} version={version} />
      <ExportReport auditId={auditId} finalized={finalized} />
    </div>
  );
}
