import type { ZeroToleranceAlert as Alert } from '../../../shared/domain/score';
import { useTranslation } from 'react-i18next';
import { href } from '../app/router';

/** The zero-tolerance alert: what was found, where, and the duty to notify; separate from the grade. */
export function ZeroToleranceAlert({ alerts, auditId, number }: { alerts: readonly Alert[]; auditId: string; number(itemId: string): string }) {
  const { t } = useTranslation('followup');
  if (!alerts.length) return null;
  const notice = alerts[0]!.notice;
  return (
    <section className="zt-alert" role="alert" aria-labelledby="zt-title">
      <h3 id="zt-title">{t('zt.title', { count: alerts.length })}</h3>
      <ul className="zt-alert__list">
        {alerts.map((a) => (
          <li key={a.itemId}>
            <span className="zt-alert__what">{a.summary}</span>
            <span className="zt-alert__where">
              <a href={href({ name: 'walk', auditId, itemId: a.itemId })}>{number(a.itemId)} {a.prompt}</a> · {a.sectionTitle}
              {a.flaggedBy === 'auditor' ? t('zt.byAuditor') : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="zt-alert__duty"><strong>{t('zt.notify')}</strong> {notice}</p>
    </section>
  );
}
