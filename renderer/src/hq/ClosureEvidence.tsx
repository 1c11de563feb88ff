// The evidence of closure under one corrective action at HQ: each file the
// site sent (or the auditor took on site), as it travelled in the bundle.
// Pictures show as thumbnails and open full size through HQ's photo path
// (decoded again, metadata dropped); documents open as received.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqCycle } from '../../../shared/domain/hq-cycle';
import { useClient } from '../api/context';
import { Modal } from '../app/Modal';
import { ErrorPanel, Loading } from '../app/Status';
import { useAction } from '../app/useAction';
import { useAsync } from '../app/useAsync';
import { useFormat } from './format';
import { dataUrl, downloadBytes, hqCall } from './hqCall';

type Evidence = HqCycle['actions'][number]['evidence'][number];

const isPicture = (e: Evidence): boolean => e.mediaType.startsWith('image/');

function Picture({ e, onOpen }: { e: Evidence; onOpen(): void }) {
  const client = useClient();
  const { t } = useTranslation('closure');
  const [img] = useAsync(() => hqCall(client, 'hq.photo', { sha256: e.sha256, size: 'thumb' }), `closure-thumb:${e.sha256}`);
  if (img.status === 'error') return <span className="text-muted" data-testid="closure-missing">{t('evidence.notHeld')}</span>;
  return (
    <button type="button" className="hq-photo__btn hq-closure__thumb" onClick={onOpen} aria-label={t('evidence.view', { name: e.name })}>
      {img.status === 'ready' ? <img src={dataUrl(img.value.base64, img.value.contentType)} alt="" data-testid="closure-thumb" /> : '…'}
    </button>
  );
}

function FullSize({ e, onClose }: { e: Evidence; onClose(): void }) {
  const client = useClient();
  const { t } = useTranslation('closure');
  const [img] = useAsync(() => hqCall(client, 'hq.photo', { sha256: e.sha256, size: 'full' }), `closure-full:${e.sha256}`);
  return (
    <Modal labelledBy="hq-closure-h" className="hq-viewer" onClose={onClose}>
      <div className="hq-viewer__head">
        <h2 id="hq-closure-h">{e.name}</h2>
        <button type="button" className="btn" onClick={onClose}>{t('evidence.close')}</button>
      </div>
      {img.status === 'loading' && <Loading what={t('evidence.loading')} />}
      {img.status === 'error' && <ErrorPanel error={img.error} />}
      {img.status === 'ready' && <img className="hq-viewer__img" src={dataUrl(img.value.base64, img.value.contentType)} alt={e.description || e.name} data-testid="closure-full" />}
    </Modal>
  );
}

export function ClosureEvidence({ items, action }: { items: Evidence[]; action: string }) {
  const client = useClient();
  const { t } = useTranslation('closure');
  const { t: tf } = useTranslation('followup');
  const f = useFormat();
  const opening = useAction();
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<Evidence | null>(null);
  if (!items.length) return null;
  const open = (e: Evidence) => opening.run(async () => {
    setError(null);
    try {
      const r = await hqCall(client, 'hq.closureFile', { sha256: e.sha256 });
      downloadBytes(r.base64, r.contentType, r.name);
    } catch (err) {
      setError(err);
    }
  });
  return (
    <>
      <ul className="plain-list hq-closure__files" aria-label={t('evidence.listLabel', { action })}>
        {items.map((e, i) => (
          <li key={`${e.sha256}:${i}`} className="hq-closure__file" data-sha256={e.sha256}>
            {isPicture(e) && <Picture e={e} onOpen={() => setShown(e)} />}
            <span>
              {tf(`hq.evidenceSource.${e.source === 'on_site' ? 'on_site' : 'site_sent'}`, { name: e.name, date: f.date(e.receivedAt) })}
              <span className="text-muted"> · {t('evidence.meta', { type: e.mediaType, size: f.number(e.size) })}</span>
              {e.description && <span className="text-muted"> · {t('evidence.description', { text: e.description })}</span>}
              {!isPicture(e) && <> <button type="button" className="btn btn--small" disabled={opening.busy} onClick={() => void open(e)} aria-label={t('evidence.openLabel', { name: e.name })}>{t('evidence.open')}</button></>}
            </span>
          </li>
        ))}
      </ul>
      {error !== null && <ErrorPanel error={error} />}
      {shown && <FullSize e={shown} onClose={() => setShown(null)} />}
    </>
  );
}
