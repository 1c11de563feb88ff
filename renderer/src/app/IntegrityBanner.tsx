// The database's full integrity check runs in the background after opening
// (large files); while it runs nothing is shown, and if it finds damage the
// auditor is told at once, on every screen, that nothing more is saved.
import { useEffect, useState } from 'react';
import type { Integrity } from '../../../shared/contract/core-ops';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { useSayMessage } from '../i18n/messages';

/** How often to ask while the check is running. */
export const INTEGRITY_POLL_MS = 2000;

export function IntegrityBanner() {
  const client = useClient();
  const { t } = useTranslation('app');
  const say = useSayMessage();
  const [state, setState] = useState<Integrity | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      client.call('app.integrity', {}).then((s) => {
        if (!live) return;
        setState(s);
        if (s.state === 'checking') timer = setTimeout(ask, INTEGRITY_POLL_MS);
      }, () => undefined);
    };
    ask();
    return () => { live = false; clearTimeout(timer); };
  }, [client]);
  if (state?.state !== 'damaged') return null;
  // The core's sentence in the UI's language; as written when an older core sent no message.
  return (
    <div className="banner banner--error integrity-banner" role="alert">
      <strong>{t('integrity.damaged')}</strong> {state.text ? say(state.text) : state.message}
      {state.problems.length > 0 && <details><summary>{t('integrity.found')}</summary><ul>{state.problems.map((p, i) => <li key={i}>{p}</li>)}</ul></details>}
    </div>
  );
}
