// Sending the outbox: each pending or failed bundle is uploaded in turn,
// its state and progress kept in the database so every screen (and a
// restart) sees the same thing. A confirmed upload is HQ's acknowledgement:
// the next bundle is incremental to it.
import { existsSync } from 'node:fs';
import type { Core } from '../core';
import { loadEndpoint, type Endpoint } from './endpoint';
import { UploadError } from './http';
import { backoffMs, uploadWithRetry, type RetryOptions } from './uploader';
import { getOutboxItem, listOutbox, markAcked, setUploadState, type OutboxItem } from './outbox-store';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

export interface SendOptions extends RetryOptions {
  endpoint?: Endpoint;
  /** Ignore each bundle's next-attempt time ("Send now"). */
  now?: boolean;
  onItem?: (item: OutboxItem) => void;
}

export interface SendSummary {
  sent: number;
  alreadyThere: number;
  failed: number;
  skipped: number;
}

/** Failed for good (401, 413) means nextAttemptAt is null: only "Send now" tries again. */
export function isDue(i: OutboxItem, force: boolean): boolean {
  if (i.state === 'sent') return false;
  if (force || i.state === 'pending' || i.state === 'uploading') return true;
  return i.nextAttemptAt !== null && i.nextAttemptAt <= new Date().toISOString();
}

/** One run at a time per core (Core.outboxRun); a second call while sending joins the run in progress. */
export function sendOutbox(core: Core, o: SendOptions = {}): Promise<SendSummary> {
  core.outboxRun ??= doSend(core, o).finally(() => { core.outboxRun = null; });
  return core.outboxRun;
}

async function doSend(core: Core, o: SendOptions): Promise<SendSummary> {
  const endpoint = o.endpoint ?? loadEndpoint(core);
  if (!endpoint) throw refusal('not_ready', msg('sync.noAddress'));
  const summary: SendSummary = { sent: 0, alreadyThere: 0, failed: 0, skipped: 0 };
  const items = listOutbox(core.db).filter((i) => isDue(i, !!o.now)).sort((a, b) => a.sequence - b.sequence);
  for (const item of items) {
    if (!existsSync(item.path)) {
      setUploadState(core.db, item.bundleId, { state: 'failed', error: `The bundle file is no longer at ${item.path}.`, attempts: item.attempts + 1 });
      summary.failed++;
      continue;
    }
    let attempts = item.attempts;
    let lastWrite = 0;
    setUploadState(core.db, item.bundleId, { state: 'uploading', progress: 0, attempts });
    o.onItem?.(getOutboxItem(core.db, item.bundleId)!);
    try {
      const out = await uploadWithRetry(endpoint, { file: item.path, contentHash: item.contentHash, size: item.size }, {
        ...o,
        onProgress: (sent, total) => {
          o.onProgress?.(sent, total);
          const now = Date.now();
          // Progress is for people: a write every quarter second is plenty.
          if (now - lastWrite > 250 || sent === total) {
            lastWrite = now;
            setUploadState(core.db, item.bundleId, { state: 'uploading', progress: total ? sent / total : 1 });
          }
        },
        onAttemptFailed: (err, n, delay) => {
          attempts++;
          setUploadState(core.db, item.bundleId, { state: 'uploading', progress: 0, error: `${err.message} Retrying (attempt ${n + 1}).`, attempts });
          o.onAttemptFailed?.(err, n, delay);
        },
      });
      const at = new Date().toISOString();
      setUploadState(core.db, item.bundleId, { state: 'sent', progress: 1, error: null, attempts: attempts + 1, sentAt: at });
      markAcked(core.db, item.bundleId, at);
      if (out.result === 'already_there') summary.alreadyThere++;
      else summary.sent++;
    } catch (err) {
      attempts++;
      const message = err instanceof UploadError ? err.message : 'The upload failed for an unexpected reason.';
      const retryable = err instanceof UploadError ? err.retryable : true;
      const next = new Date(Date.now() + backoffMs(Math.min(attempts, 8), 60_000, 6 * 3600_000)).toISOString();
      setUploadState(core.db, item.bundleId, { state: 'failed', error: message, attempts, nextAttemptAt: retryable ? next : null });
      summary.failed++;
    }
    o.onItem?.(getOutboxItem(core.db, item.bundleId)!);
  }
  return summary;
}
