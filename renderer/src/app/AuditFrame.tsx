import type { ReactNode } from 'react';
import type { AuditDetail } from '../../../shared/domain/audit';
import { href } from './router';

type Tab = 'walk' | 'findings' | 'evidence' | 'summary';

interface Props {
  detail: AuditDetail;
  tab: Tab;
  status?: ReactNode;
  children: ReactNode;
}

export const STATUS_LABEL = { draft: 'Draft', in_progress: 'In progress', finalized: 'Finalized' } as const;

export function AuditFrame({ detail, tab, status, children }: Props) {
  const { audit, site } = detail;
  const tabs: Array<{ id: Tab; label: string; to: string }> = [
    { id: 'walk', label: 'Walkthrough', to: href({ name: 'walk', auditId: audit.id, itemId: null }) },
    { id: 'findings', label: `Findings (${detail.findings.length})`, to: href({ name: 'findings', auditId: audit.id }) },
    { id: 'evidence', label: 'Evidence', to: href({ name: 'evidence', auditId: audit.id }) },
    { id: 'summary', label: 'Summary and finalize', to: href({ name: 'summary', auditId: audit.id }) },
  ];
  return (
    <div className={`audit audit--${tab}`}>
      <header className="audit__head">
        <div className="audit__title">
          <h1>{site.name}</h1>
          <p className="text-muted">
            {site.clients.join(', ') || 'No client named'} · {site.country} · {audit.startDate}
            {audit.endDate !== audit.startDate ? ` to ${audit.endDate}` : ''} · revision {audit.revision}
          </p>
        </div>
        <span className={`badge badge--${audit.status}`}>{STATUS_LABEL[audit.status]}</span>
        {status}
      </header>
      {audit.status === 'finalized' && (
        <div className="banner banner--locked" role="status">
          <strong>Finalized — read-only.</strong> Finalized {audit.finalizedAt?.slice(0, 10)}. To change anything, reopen it as a new revision from the summary.
        </div>
      )}
      <nav className="tabs" aria-label="Audit sections">
        {tabs.map((t) => (
          <a key={t.id} href={t.to} className={`tabs__tab${t.id === tab ? ' tabs__tab--on' : ''}`} aria-current={t.id === tab ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {children}
    </div>
  );
}
