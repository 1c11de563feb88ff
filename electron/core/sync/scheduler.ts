// Uploading by itself when the laptop is back online: a light check every
// interval (does the HQ endpoint answer at all?), and a send when it does and
// something is due. "Send now" skips the wait.
import type { Core } from '../core';
import { loadEndpoint, type Endpoint } from './endpoint';
import { httpRequest } from './http';
import { isDue, sendOutbox, type SendOptions, type SendSummary } from './outbox';
import { listOutbox } from './outbox-store';

/** Any HTTP answer means the network path to HQ works; credentials are not checked here. */
export async function isOnline(e: Endpoint, timeoutMs = 5000): Promise<boolean> {
  try {
    await httpRequest(new URL(e.url), { method: 'HEAD', idleTimeoutMs: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  lastCheck: { at: string; online: boolean } | null = null;

  constructor(private readonly core: Core, private readonly opts: { intervalMs?: number; send?: SendOptions } = {}) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? 60_000);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check: upload when something is due and HQ answers. */
  async tick(): Promise<SendSummary | null> {
    if (this.busy) return null;
    const endpoint = loadEndpoint(this.core);
    if (!endpoint || !listOutbox(this.core.db).some((i) => isDue(i, false))) return null;
    this.busy = true;
    try {
      const online = await isOnline(endpoint);
      this.lastCheck = { at: new Date().toISOString(), online };
      return online ? await sendOutbox(this.core, { ...this.opts.send, endpoint }) : null;
    } finally {
      this.busy = false;
    }
  }

  sendNow(): Promise<SendSummary> {
    return sendOutbox(this.core, { ...this.opts.send, now: true });
  }
}
