import type { ReactNode } from 'react';
import type { AuditDetail } from '../../../shared/domain/audit';
import { Trans, useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../i18n/format';
import { href } from './router';
import { AuditScopeProvider } from './auditScope';

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
  const { t } = useTranslation('app');
  const f = useLocaleFormat();
  const tabs: Array<{ id: Tab; label: string; to: string }> = [
    { id: 'walk', label: t('tabs.walk'), to: href({ name: 'walk', auditId: audit.id, itemId: null }) },
    { id: 'findings', label: t('tabs.findings', { count: detail.findings.length }), to: href({ name: 'findings', auditId: audit.id }) },
    { id: 'evidence', label: t('tabs.evidence'), to: href({ name: 'evidence', auditId: audit.id }) },
    { id: 'summary', label: t('tabs.summary'), to: href({ name: 'summary', auditId: audit.id }) },
  ];
  return (
    <div className={`audit audit--${tab}`}>
      <header className="audit__head">
        <div className="audit__title">
          <h1>{site.name}</h1>
          <p className="text-muted">
            {t(audit.endDate !== audit.startDate ? 'audit.lineRange' : 'audit.line', {
              clients: site.clients.length ? f.list(site.clients) : t('audit.noClient'),
              country: site.country,
              start: f.day(audit.startDate),
              end: f.day(audit.endDate),
              revision: audit.revision,
            })}
          </p>
        </div>
        {audit.kind === 'follow_up' && <span className="badge">{t(audit.followUpMode === 'desk_review' ? 'audit.followUpDesk' : 'audit.followUp')}</span>}
        <span className={`badge badge--${audit.status}`}>{t(`status.${audit.status}`)}</span>
        {status}
      </header>
      {audit.status === 'finalized' && (
        <div className="banner banner--locked" role="status">
          <Trans t={t} i18nKey={audit.kind === 'follow_up' ? 'audit.finalizedFollowUp' : 'audit.finalized'} values={{ date: audit.finalizedAt ? f.day(audit.finalizedAt) : '' }} components={{ strong: <strong /> }} />
        </div>
      )}
      <nav className="tabs" aria-label={t('tabs.label')}>
        {tabs.map((tab_) => (
          <a key={tab_.id} href={tab_.to} className={`tabs__tab${tab_.id === tab ? ' tabs__tab--on' : ''}`} aria-current={tab_.id === tab ? 'page' : undefined}>
            {tab_.label}
          </a>
        ))}
      </nav>
      <AuditScopeProvider auditId={audit.id} readOnly={audit.status === 'finalized'} timeZone={site.timeZone}>{children}</AuditScopeProvider>
    </div>
  );
}
