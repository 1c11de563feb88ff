// One audit at headquarters, read-only: what was answered and found, the
// actions agreed, the evidence (photos, documents, interview summary — never
// private notes), signatures, its revisions, and how it was verified; and
// the one change HQ makes to it: handing it over to another auditor.
import { useTranslation } from 'react-i18next';
import type { HqAuditDetail } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { answerText } from './answerText';
import { useExport } from './ExportBar';
import { useFormat } from './format';
import { hqCall } from './hqCall';
import { PhotoGallery } from './PhotoGallery';
import { hqHref } from './routes';
import { Verification } from './Verification';
import { AuditRecords } from './AuditRecords';
import { CyclePanel } from './CyclePanel';
import { HandOver } from './HandOver';
import { AuditHandovers } from './HandoverHistory';
import { optionLabels, useHqLabels } from './useLabels';
import { useSiteTime } from '../i18n/siteTime';

export function AuditView({ auditId }: { auditId: string }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [audit, reload] = useAsync(() => hqCall(client, 'hq.audit', { auditId }), auditId);
  useReloadOnNewData(reload);
  if (audit.status === 'loading') return <div className="page"><Loading what={t('audit.loading')} /></div>;
  if (audit.status === 'error') return <div className="page"><ErrorPanel error={audit.error} onRetry={reload} /></div>;
  return <AuditPage a={audit.value} reload={reload} />;
}

function AuditPage({ a, reload }: { a: HqAuditDetail; reload(): void }) {
  const { t } = useTranslation('hq');
  const f = useFormat();
  const h = a.header;
  const ex = useExport();
  const labels = useHqLabels(h.auditId);
  const { t: tz } = useTranslation('zone');
  // The audit's moments in the site's zone, named, whatever HQ's own zone.
  const when = useSiteTime(h.site.timeZone);
  return (
    <div className="page">
      <p><a href={hqHref({ name: 'audits' })}>{t('audit.back')}</a></p>
      <h1>{t('audit.title', { site: h.siteName, date: f.date(h.startDate) })}</h1>
      <p className="text-muted">{t('audit.readOnly')}</p>
      <section className="panel" aria-labelledby="head-h">
        <h2 id="head-h">{t('audit.summary')}</h2>
        <dl className="kv">
          <dt>{t('col.status')}</dt><dd><span className={`badge badge--${h.status}`}>{t(`auditStatus.${h.status}`)}</span> · {t('audits.revision', { revision: h.revision })}</dd>
          <dt>{t('col.band')}</dt><dd>{h.band ? t('audit.band', { band: h.band, percent: h.percent === null ? '—' : f.percent(h.percent) }) : t('audit.noBand')}</dd>
          <dt>{t('col.findings')}</dt><dd>{t('audits.findings', { critical: h.findings.critical, major: h.findings.major, minor: h.findings.minor })}{h.zeroTolerance > 0 && <strong className="zt-flag"> {t('audits.zt', { count: h.zeroTolerance })}</strong>}</dd>
          <dt>{t('col.auditor')}</dt><dd>{t('audit.auditor', { name: h.auditorName, auditorId: h.auditorId })}</dd>
          <dt>{t('audit.site')}</dt><dd>{[h.siteName, h.site.address, h.country].filter(Boolean).join(', ')}</dd>
          <dt>{t('col.clients')}</dt><dd>{h.clients.join(', ') || '—'}</dd>
          <dt>{t('audit.dates')}</dt><dd>{t('audit.dateRange', { from: f.date(h.startDate), to: f.date(h.endDate) })}</dd>
          <dt>{tz('zone.label')}</dt><dd>{h.site.timeZone ? tz('zone.siteZone', { zone: h.site.timeZone }) : tz('zone.noZone')}</dd>
          <dt>{t('audit.checklist')}</dt><dd>{t('audit.template', { name: h.template.name, version: h.template.version })}</dd>
          {h.scope && <><dt>{t('audit.scope')}</dt><dd>{h.scope}</dd></>}
        </dl>
        <AuditHandovers auditId={h.auditId} owner={h.fingerprint} />
        <div className="form__actions">
          <button type="button" className="btn btn--small" disabled={ex.busy} onClick={() => void ex.run({ what: 'audit', format: 'json', auditId: h.auditId })}>{t('audit.exportJson')}</button>
          {a.revisions.length > 1 && <a className="btn btn--small" href={hqHref({ name: 'diff', auditId: h.auditId })}>{t('audit.compare')}</a>}
        </div>
        {ex.error !== null && <ErrorPanel error={ex.error} />}
        <HandOver auditId={h.auditId} siteName={h.siteName} ownerFingerprint={h.fingerprint} onDone={reload} />
        {a.heads.length > 1 && <p className="banner banner--warn">{t('audit.conflict', { count: a.heads.length })}</p>}
      </section>
      <Verification v={a.verification} />
      {a.revisions.length > 1 && (
        <section className="panel" aria-labelledby="rev-h">
          <h2 id="rev-h">{t('audit.revisions')}</h2>
          <ol className="plain-list">{a.revisions.map((r) => (
            <li key={r.auditId}>{r.auditId === h.auditId ? <strong>{t('audits.revision', { revision: r.revision })}</strong> : <a href={hqHref({ name: 'audit', auditId: r.auditId })}>{t('audits.revision', { revision: r.revision })}</a>}
              {' · '}{t(`auditStatus.${r.status}`)}{r.finalizedAt && ` · ${t('audit.finalizedOn', { when: when(r.finalizedAt) })}`}{r.band && ` · ${r.band}`}</li>
          ))}</ol>
        </section>
      )}
      <CyclePanel a={a} />
      <AuditRecords a={a} labels={labels} answer={(v, itemId) => answerText(v, t, f, optionLabels(labels, itemId))} />
      <section className="panel" aria-labelledby="photos-h">
        <h2 id="photos-h">{t('photos.title', { count: a.photos.length })}</h2>
        <PhotoGallery photos={a.photos} />
      </section>
    </div>
  );
}
