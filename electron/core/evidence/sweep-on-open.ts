// When the sweep runs: once per opened core, on the first look at evidence
// (files from a crash in an earlier run are then old enough to go), and on
// request. Uploads still open in this process keep their partial files.
import type { Core } from '../core';
import { sweepPhotos, type SweepReport } from './sweep';
import { activeParts } from './uploads';

const swept = new WeakSet<Core>();

export function sweepNow(core: Core, graceMs?: number): Promise<SweepReport> {
  return sweepPhotos(core, { graceMs, activeParts: activeParts(core) });
}

export function sweepOnce(core: Core): void {
  if (swept.has(core)) return;
  swept.add(core);
  void sweepNow(core).catch(() => undefined);
}
