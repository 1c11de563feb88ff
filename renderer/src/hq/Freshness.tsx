// How current HQ's screens are when its records are on a PostgreSQL server:
// they read a copy on this computer, refreshed after each import and every
// few seconds. Shown under HQ's top bar ("Data as of 14:02"), with the reason
// and what to do when the server cannot be read; nothing on SQLite.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqDatabase } from '../../../shared/domain/hq-database';
import { useClient } from '../api/context';
import { DATABASE_CHANGED, formatAsOf } from './asOf';
import { versionTracker } from './dataVersion';
import { useSayMessage } from '../i18n/messages';

const POLL_MS = 15_000;

/**
 * `onNewData`: a refresh (the timer's, an import's, or one asked for here)
 * brought data the screen below has not read; it reads again in place.
 */
export function Freshness({ onNewData }: { onNewData(): void }) {
  const client = useClient();
  const { t, i18n } = useTranslation('hqdb');
  const [db, setDb] = useState<HqDatabase | null>(null);
  const [busy, setBusy] = useState(false);
  const [moved] = useState(versionTracker);
  const show = useCallback((d: HqDatabase) => {
    setDb(d);
    if (moved(d.engine === 'postgres' ? d.dataVersion : null)) onNewData();
  }, [moved, onNewData]);
  const say = useSayMessage();
  useEffect(() => {
    let live = true;
    const load = () => client.call('hq.database', {}).then((d) => { if (live) show(d); }, () => { /* the screens say what failed */ });
    load();
    const timer = setInterval(load, POLL_MS);
    window.addEventListener(DATABASE_CHANGED, load);
    return () => { live = false; clearInterval(timer); window.removeEventListener(DATABASE_CHANGED, load); };
  }, [client, show]);
  if (!db || db.engine !== 'postgres') return null;
  const time = db.asOf ? formatAsOf(db.asOf, i18n.language) : null;
  const refresh = async () => {
    setBusy(true);
    try {
      show(await client.call('hq.refreshReplica', {}));
    } finally {
      setBusy(false);
    }
  };
  // The reason in the UI's language when the core sent it as a message; as written otherwise.
  const error = db.errorText ? say(db.errorText) : db.error;
  const text = error
    ? (time ? t('fresh.stale', { time, error }) : t('fresh.staleNever', { error }))
    : (time ? t('fresh.asOf', { time }) : t('fresh.never'));
  return (
    <div className={`freshness${db.error ? ' freshness--error' : ''}`} role="status" aria-label={t('fresh.label')} data-testid="hq-freshness">
      <span>{text}</span>
      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void refresh()}>{busy ? t('fresh.refreshing') : t('fresh.refresh')}</button>
    </div>
  );
}
