// Everything that reached headquarters: the drop zone and Open dialog for
// hand-overs, what each bundle became (imported, held for its base,
// refused with the reason, conflicting versions), and the watched folder.
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/domain/sync';
import type { InboxState } from '../../../shared/domain/hq-inbox';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useReloadOnNewData } from './dataVersion';
import { DropZone } from './DropZone';
import { useFormat } from './format';
import { hqHref } from './routes';
import { useInboxImport } from './useInboxImport';
import { useSayMessage } from '../i18n/messages';
import { coreEnglish } from '../../../shared/core-messages';
import type { Message } from '../../../shared/messages';

const KNOWN_REASONS = new Set(['too_large', 'not_a_bundle', 'truncated', 'decrypt_failed', 'hash_mismatch', 'bad_signature', 'missing_signature',
  'unknown_signer', 'revoked_signer', 'replay', 'foreign_audit', 'records_mismatch', 'bad_report', 'hq_disk_full']);

export function StatusBadge({ status }: { status: ImportResult['status'] }) {
  const { t } = useTranslation('hq');
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}

/**
 * The reason in plain words when HQ knows the code, then what the core said,
 * in the UI's language (`text`). When the English it recorded says more (a
 * verifier's detail: which file, which hash), that stays beside it, folded.
 * A receipt written before messages had keys shows its English as written.
 */
export function ReasonText({ reason, message, text }: { reason: string | null | undefined; message: string; text?: Message | undefined }) {
  const { t } = useTranslation(['hq', 'coreui']);
  const say = useSayMessage();
  return (
    <>
      {reason && KNOWN_REASONS.has(reason) && <strong>{t(`reason.${reason}`)} </strong>}
      <span className="text-muted">{text ? say(text) : message}</span>
      {text && message !== coreEnglish(text) && (
        <details className="reason-details"><summary>{t('details', { ns: 'coreui' })}</summary><code>{message}</code></details>
      )}
    </>
  );
}

export function InboxScreen() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [state, reload] = useAsync(() => client.call('hq.inbox', {}), 'inbox');
  useReloadOnNewData(reload);
  const imp = useInboxImport(reload);

  return (
    <div className="page">
      <h1>{t('inbox.title')}</h1>
      <section className="panel" aria-labelledby="drop-h">
        <h2 id="drop-h">{t('inbox.receiveTitle')}</h2>
        <DropZone imp={imp} />
        {imp.error !== null && <ErrorPanel error={imp.error} />}
        {imp.ignored > 0 && <p className="banner banner--warn" role="status">{t('inbox.ignored', { count: imp.ignored })}</p>}
        {imp.results && (
          <div role="status">
            <p>{t('inbox.resultSummary', { count: imp.results.length, imported: imp.results.filter((r) => r.status === 'imported').length })}</p>
            <ul className="plain-list" aria-label={t('inbox.results')}>
              {imp.results.map((r, i) => (
                <li key={i} data-testid="import-result" data-status={r.status}><StatusBadge status={r.status} /> <code>{r.file.split(/[\\/]/).pop()}</code> <ReasonText reason={r.reason} message={r.message} text={r.text} /></li>
              ))}
            </ul>
          </div>
        )}
      </section>
      {state.status === 'loading' && <Loading what={t('inbox.loading')} />}
      {state.status === 'error' && <ErrorPanel error={state.error} onRetry={reload} />}
      {state.status === 'ready' && <InboxLists state={state.value} />}
    </div>
  );
}

function InboxLists({ state }: { state: InboxState }) {
  const { t } = useTranslation('hq');
  const say = useSayMessage();
  const f = useFormat();
  const held = state.bundles.filter((b) => b.state === 'held');
  return (
    <>
      <section className="panel" aria-labelledby="watch-h">
        <h2 id="watch-h">{t('inbox.watchTitle')}</h2>
        {state.watchFolder
          ? <p>{t('inbox.watching', { folder: state.watchFolder })} {state.lastScanAt && t('inbox.lastScan', { when: f.dateTime(state.lastScanAt) })}</p>
          : <p>{t('inbox.notWatching')} <a href={hqHref({ name: 'settings' })}>{t('inbox.setWatch')}</a></p>}
        {state.scanError && <p className="banner banner--error" role="alert">{state.scanErrorText ? say(state.scanErrorText) : state.scanError}</p>}
      </section>

      {state.conflicts.length > 0 && (
        <section className="panel" aria-labelledby="conflicts-h">
          <h2 id="conflicts-h">{t('inbox.conflictsTitle', { count: state.conflicts.length })}</h2>
          <p className="text-muted">{t('inbox.conflictsLead')}</p>
          <ul className="plain-list">{state.conflicts.map((c) => (
            <li key={c.auditId}><a href={hqHref({ name: 'audit', auditId: c.auditId })}>{c.siteName}</a> — {t('inbox.versions', { count: c.versions })}</li>
          ))}</ul>
        </section>
      )}

      {held.length > 0 && (
        <section className="panel" aria-labelledby="held-h">
          <h2 id="held-h">{t('inbox.heldTitle', { count: held.length })}</h2>
          <ul className="plain-list">{held.map((b) => (
            <li key={b.bundleId}>{t('inbox.heldItem', { bundle: b.bundleId.slice(0, 8), auditor: b.auditorId, when: f.dateTime(b.receivedAt) })} <span className="text-muted">{b.text ? say(b.text) : b.reason}</span></li>
          ))}</ul>
        </section>
      )}

      <section className="panel" aria-labelledby="receipts-h">
        <h2 id="receipts-h">{t('inbox.receiptsTitle')}</h2>
        {state.receipts.length === 0 ? <p className="text-muted">{t('inbox.noReceipts')}</p> : (
          <div className="table-scroll"><table className="table" aria-labelledby="receipts-h">
            <thead><tr><th scope="col">{t('inbox.col.when')}</th><th scope="col">{t('inbox.col.file')}</th><th scope="col">{t('inbox.col.how')}</th><th scope="col">{t('inbox.col.result')}</th><th scope="col">{t('inbox.col.auditor')}</th><th scope="col">{t('inbox.col.details')}</th></tr></thead>
            <tbody>{state.receipts.map((r, i) => (
              <tr key={i} data-status={r.status}>
                <td>{f.dateTime(r.at)}</td><td><code>{r.file}</code></td><td>{t(`source.${r.source}`)}</td>
                <td><StatusBadge status={r.status} /></td><td>{r.auditorId ?? '—'}</td>
                <td><ReasonText reason={r.reason} message={r.message} text={r.text} /></td>
              </tr>))}</tbody>
          </table></div>
        )}
      </section>

      <section className="panel" aria-labelledby="bundles-h">
        <h2 id="bundles-h">{t('inbox.bundlesTitle', { count: state.bundles.length })}</h2>
        {state.bundles.length > 0 && (
          <div className="table-scroll"><table className="table" aria-labelledby="bundles-h">
            <thead><tr><th scope="col">{t('inbox.col.bundle')}</th><th scope="col">{t('inbox.col.auditor')}</th><th scope="col">{t('inbox.col.sequence')}</th><th scope="col">{t('inbox.col.state')}</th><th scope="col">{t('inbox.col.received')}</th></tr></thead>
            <tbody>{state.bundles.map((b) => (
              <tr key={b.bundleId}><td><code>{b.bundleId.slice(0, 8)}</code></td><td>{b.auditorId}</td><td>{f.number(b.sequence)}</td><td><StatusBadge status={b.state} /></td><td>{f.dateTime(b.receivedAt)}</td></tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
    </>
  );
}
