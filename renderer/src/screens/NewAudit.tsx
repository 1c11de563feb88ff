import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../shared/domain/site';
import { useClient } from '../api/context';
import { navigate } from '../app/router';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { AuditForm } from '../forms/AuditForm';
import { SiteForm } from '../forms/SiteForm';
import { AuditProfilePanel } from '../report/AuditProfilePanel';
import type { Audit } from '../../../shared/domain/audit';
import { LastAuditPanel } from '../followup/LastAuditPanel';

export function NewAudit() {
  const { t } = useTranslation('followup');
  const client = useClient();
  const [data, reload] = useAsync(async () => {
    const [sites, templates, profiles] = await Promise.all([client.call('sites.list', {}), client.call('templates.list', {}), client.call('sites.legalProfiles', {})]);
    return { sites, templates, profiles };
  }, 'new');
  const [created, setCreated] = useState<Site[]>([]);
  const [addingSite, setAddingSite] = useState<boolean | null>(null);
  const [audit, setAudit] = useState<Audit | null>(null);

  if (data.status === 'loading') return <div className="page"><Loading what={t('new.loading')} /></div>;
  if (data.status === 'error') return <div className="page"><ErrorPanel error={data.error} onRetry={reload} /></div>;
  const sites = [...data.value.sites, ...created.filter((c) => !data.value.sites.some((s) => s.id === c.id))];
  const showSiteForm = addingSite ?? sites.length === 0;
  const lastCreated = created[created.length - 1];

  return (
    <div className="page page--narrow">
      <h1>{t('new.title')}</h1>
      <section className="panel" aria-labelledby="site-h">
        <div className="panel__head">
          <h2 id="site-h">{t('new.site')}</h2>
          {!showSiteForm && <button type="button" className="btn btn--small" onClick={() => setAddingSite(true)}>{t('new.addSite')}</button>}
        </div>
        {showSiteForm ? (
          <SiteForm
            countryProfiles={data.value.profiles}
            onSaved={(s) => { setCreated((c) => [...c, s]); setAddingSite(false); }}
            onCancel={sites.length ? () => setAddingSite(false) : undefined}
          />
        ) : (
          <p className="text-muted">{lastCreated ? t('new.siteSaved', { name: lastCreated.name }) : t('new.chooseSite')}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="audit-h">
        <h2 id="audit-h">{t('new.audit')}</h2>
        {data.value.templates.length === 0 ? (
          <p className="banner banner--error">{t('new.noTemplate')}</p>
        ) : (
          <AuditForm
            sites={sites}
            templates={data.value.templates}
            selectedSiteId={lastCreated?.id}
            onCreated={setAudit}
          />
        )}
      </section>
      {audit && (
        <section className="panel" aria-labelledby="profile-h">
          <h2 id="profile-h">{t('new.profile')}</h2>
          <p className="text-muted">{t('new.profileHint')}</p>
          <AuditProfilePanel auditId={audit.id} finalized={false} onDone={() => navigate({ name: 'walk', auditId: audit.id, itemId: null })} />
        </section>
      )}
      {audit && <LastAuditPanel auditId={audit.id} />}
    </div>
  );
}
