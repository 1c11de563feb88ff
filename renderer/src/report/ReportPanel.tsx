// The report part of an audit's summary: the site and workforce profile,
// the consistency checks, signatures of the closing meeting, then the PDF
// export.
import { useState } from 'react';
import { AuditProfilePanel } from './AuditProfilePanel';
import { ConsistencyPanel } from './ConsistencyPanel';
import { ExportReport } from './ExportReport';
import { SignoffPanel } from './SignoffPanel';
import './report.css';
import { useTranslation } from 'react-i18next';

export function ReportPanel({ auditId, finalized, version, languages }: { auditId: string; finalized: boolean; version: string; languages?: readonly string[] }) {
  return (
    <div className="report-panel">
      <ProfileDetails auditId={auditId} finalized={finalized} />
      <ConsistencyPanel auditId={auditId} finalized={finalized} version={version} />
      <SignoffPanel auditId={auditId} finalized={finalized} version={version} />
      <ExportReport auditId={auditId} finalized={finalized} languages={languages} />
    </div>
  );
}

/** Loaded when opened: most visits to the summary do not edit the profile. */
function ProfileDetails({ auditId, finalized }: { auditId: string; finalized: boolean }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('report');
  return (
    <details className="panel" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary><h2 className="inline-h">{t('profile.heading')}</h2></summary>
      {open && <AuditProfilePanel auditId={auditId} finalized={finalized} />}
    </details>
  );
}
