import { useCallback, useRef, useState } from 'react';

/**
 * The one guard for buttons that create or change something: while the call
 * runs the button is disabled (as react-hook-form's isSubmitting does for the
 * forms), and a second click that arrives before the screen has re-rendered
 * (a double-click, a repeated Enter) is dropped by the ref, so one click is
 * one call.
 */
export function useAction(): { busy: boolean; run(fn: () => Promise<void>): Promise<void> } {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (fn: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await fn();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
