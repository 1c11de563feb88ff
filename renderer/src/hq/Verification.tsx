// How far HQ trusts what it shows: the event chain recomputed, who signed
// the bundle (as HQ enrolled the key), and each signed PDF checked, openable.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqAuditDetail } from '../../../shared/domain/hq';
import { useClient } from '../api/context';
import { ErrorPanel } from '../app/Status';
import { useAction } from '../app/useAction';
import { useFormat } from './format';
import { downloadBytes, hqCall } from './hqCall';

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  const { t } = useTranslation('hq');
  return <li className={ok ? 'check check--ok' : 'check check--bad'}><span className="check__mark">{ok ? t('verify.ok') : t('verify.bad')}</span> {children}</li>;
}

export function Verification({ v }: { v: HqAuditDetail['verification'] }) {
  const client = useClient();
  const { t } = useTranslation('hq');
  const f = useFormat();
  const opening = useAction();
  const [error, setError] = useState<unknown>(null);
  const openPdf = (sha256: string, name: string) => opening.run(async () => {
    setError(null);
    try {
      const r = await hqCall(client, 'hq.report', { sha256 });
      downloadBytes(r.base64, r.contentType, name);
    } catch (e) {
      setError(e);
    }
  });
  return (
    <section className="panel" aria-labelledby="verify-h">
      <h2 id="verify-h">{t('verify.title')}</h2>
      <ul className="checks">
        <Check ok={v.chain.verified}>{v.chain.verified ? t('verify.chainOk', { count: v.chain.events }) : t('verify.chainBad')}</Check>
        <Check ok={v.signer.state === 'enrolled'}>{t(`verify.signer.${v.signer.state}`, { name: v.signer.name, auditorId: v.signer.auditorId })} <code className="fingerprint">{v.signer.fingerprint.slice(0, 16)}…</code></Check>
        {v.reports.length === 0 && <li className="check">{t('verify.noReport')}</li>}
        {v.reports.map((r) => (
          <Check key={r.sha256} ok={r.verified}>
            {r.verified ? t('verify.reportOk', { name: r.name }) : t('verify.reportBad', { name: r.name })} <span className="text-muted">({t('verify.bytes', { size: f.number(r.size) })})</span>{' '}
            {r.stored && <button type="button" className="btn btn--small" disabled={opening.busy} onClick={() => void openPdf(r.sha256, r.name)}>{t('verify.openPdf')}</button>}
          </Check>
        ))}
      </ul>
      <p className="text-muted">{t('verify.bundle', { bundle: v.bundleId })}</p>
      {error !== null && <ErrorPanel error={error} />}
    </section>
  );
}
