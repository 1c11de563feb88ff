// Evidence settings: whether reports may print a photo's GPS position, and
// the largest photo accepted.
import { useState } from 'react';
import type { EvidenceSettings } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { ErrorPanel } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { useTranslation } from 'react-i18next';

export function EvidenceSettingsPanel() {
  const client = useClient();
  const { t } = useTranslation('evidence');
  const [loaded, reload, update] = useAsync(() => client.call('evidence.settings.get', {}), 'evidence-settings');
  const s = loaded.status === 'ready' ? loaded.value : null;
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(next: EvidenceSettings) {
    update(() => next);
    try {
      const saved = await client.call('evidence.settings.save', next);
      update(() => saved);
      setStatus({ ok: true, text: t('settings.saved') });
    } catch (err) {
      setStatus({ ok: false, text: describeError(err).title });
    }
  }

  return (
    <section className="panel" aria-labelledby="evidence-settings-h">
      <h2 id="evidence-settings-h">{t('settings.title')}</h2>
      {status && <p className={`banner ${status.ok ? 'banner--ok' : 'banner--error'}`} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
      {loaded.status === 'error' && <ErrorPanel error={loaded.error} onRetry={reload} />}
      {s && (
        <div className="form__grid">
          <label className="field field--wide radio">
            <input type="checkbox" checked={s.reportShowsGps} onChange={(e) => void save({ ...s, reportShowsGps: e.target.checked })} />
            {' '}{t('settings.gps')}
          </label>
          <label className="field">
            <span>{t('settings.maxPhoto')}</span>
            <input
              type="number" min={1} max={500} defaultValue={s.maxPhotoMB}
              onBlur={(e) => {
                const n = Math.round(Number(e.target.value));
                if (Number.isFinite(n) && n !== s.maxPhotoMB) void save({ ...s, maxPhotoMB: Math.min(500, Math.max(1, n)) });
              }}
            />
          </label>
        </div>
      )}
    </section>
  );
}
