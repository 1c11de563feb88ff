// When the sweep runs: once in the background after the app (shell or
// harness) opens a core, and on request. Sweeps of one core run one after
// another, never at once, so each reports exactly what it removed and a
// background sweep never takes a file from under a sweep someone asked for.
// Uploads still open in this process keep their partial files.
import type { Core } from '../core';
import { sweepPhotos, type SweepReport } from './sweep';
import { activeParts } from './uploads';

export function sweepNow(core: Core, graceMs?: number): Promise<SweepReport> {
  const run = core.photoSweeps.then(() => sweepPhotos(core, { graceMs, activeParts: activeParts(core) }));
  core.photoSweeps = run.then(() => undefined, () => undefined);
  return run;
}

/** Files from a crash in an earlier run go once they are past the grace period. */
export function startBackgroundSweep(core: Core): void {
  void sweepNow(core).catch(() => undefined);
}
