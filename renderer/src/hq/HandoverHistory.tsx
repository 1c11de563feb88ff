// Who an audit was handed over from and to, when and why, newest first: on
// the audit view under its owner, and per auditor on the Auditors page
// (hand-overs in and out). The records are HQ's own (hq.handovers).
import { useTranslation } from 'react-i18next';
import type { HqHandover } from '../../../shared/domain/hq-handover';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { useFormat } from './format';
import { hqCall } from './hqCall';
import { hqHref } from './routes';

/** How a side of a hand-over is named: the enrolled auditor, or the start of a key HQ no longer knows. */
function usePartyName(): (p: HqHandover['from']) => string {
  const { t } = useTranslation('hqhistory');
  return (p) => (p.name ? t('party', { name: p.name, auditorId: p.auditorId ?? '' }) : t('unknownKey', { key: p.fingerprint.slice(0, 16) }));
}

/** `owner` is the current owner's key: when it changes (a hand-over was just made) the list is read again. */
export function AuditHandovers({ auditId, owner }: { auditId: string; owner: string }) {
  const client = useClient();
  const { t } = useTranslation('hqhistory');
  const f = useFormat();
  const party = usePartyName();
  const [list, reload] = useAsync(() => hqCall(client, 'hq.handovers', { auditId }), `${auditId}:${owner}`);
  useReloadOnNewData(reload);
  return (
    <section className="handovers" aria-labelledby="handovers-h">
      <h3 id="handovers-h">{t('title')}</h3>
      {list.status === 'loading' && <Loading what={t('loading')} />}
      {list.status === 'error' && <ErrorPanel error={list.error} onRetry={reload} />}
      {list.status === 'ready' && (list.value.length === 0
        ? <p className="text-muted">{t('none')}</p>
        : <ol className="plain-list" aria-label={t('listLabel')}>
          {list.value.map((h) => (
            <li key={`${h.at}:${h.from.fingerprint}:${h.to.fingerprint}`}>
              {t('entry', { from: party(h.from), to: party(h.to), when: f.dateTime(h.at), reason: h.reason })}
            </li>
          ))}
        </ol>)}
    </section>
  );
}

/** How many hand-overs the Auditors page reads (the newest); past that, it says the list was cut. */
export const AUDITORS_PAGE_HANDOVERS = 1000;

/** Said once on the Auditors page when its list of hand-overs reached the limit: older ones are on each audit's page. */
export function HandoversCut({ shown }: { shown: number }) {
  const { t } = useTranslation('hqhistory');
  const f = useFormat();
  return shown >= AUDITORS_PAGE_HANDOVERS ? <p className="text-muted">{t('cut', { limit: f.number(AUDITORS_PAGE_HANDOVERS) })}</p> : null;
}

/** One auditor's hand-overs in and out, from the list of every hand-over the Auditors page read once. */
export function AuditorHandovers({ fingerprint, name, all }: { fingerprint: string; name: string; all: HqHandover[] }) {
  const { t } = useTranslation('hqhistory');
  const f = useFormat();
  const party = usePartyName();
  const mine = all.filter((h) => h.from.fingerprint === fingerprint || h.to.fingerprint === fingerprint);
  if (mine.length === 0) return null;
  return (
    <ul className="plain-list" aria-label={t('auditorLabel', { name })}>
      {mine.map((h) => {
        const site = h.siteName ?? h.auditId.slice(0, 8);
        const text = h.to.fingerprint === fingerprint
          ? t('received', { from: party(h.from), when: f.dateTime(h.at), reason: h.reason })
          : t('gave', { to: party(h.to), when: f.dateTime(h.at), reason: h.reason });
        return <li key={`${h.at}:${h.auditId}`}><a href={hqHref({ name: 'audit', auditId: h.auditId })}>{site}</a> · {text}</li>;
      })}
    </ul>
  );
}
