// Autosave for answers: the latest state of each item is sent, one save at a
// time per item, typing debounced. A failed save keeps that latest state and
// is sent again on Retry or with the next change, so nothing typed is lost.
import type { OpInput, OpOutput } from '../../../shared/contract/index';
import type { Stash } from './unsavedStash';

export type SaveInput = OpInput<'responses.save'>;
export type SaveOutput = OpOutput<'responses.save'>;
export type SaveState = 'saved' | 'saving' | 'failed';

export interface QueueStatus {
  state: SaveState;
  /** The last failure, for the message next to Retry. */
  error: unknown;
  failedItems: string[];
}

interface Options {
  send(input: SaveInput): Promise<SaveOutput>;
  /** Where unconfirmed states wait (browser storage); nothing kept when absent. */
  stash?: Stash;
  onSaved?(out: SaveOutput): void;
  debounceMs?: number;
}

export class SaveQueue {
  private readonly pending = new Map<string, SaveInput>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly failed = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private snapshot: QueueStatus = { state: 'saved', error: null, failedItems: [] };
  private readonly debounceMs: number;

  private onSaved: ((out: SaveOutput) => void) | undefined;

  constructor(private readonly opts: Options) {
    this.debounceMs = opts.debounceMs ?? 400;
    this.onSaved = opts.onSaved;
  }

  /** Who hears about saved answers (the screen, which re-renders with new closures). */
  setOnSaved(fn: (out: SaveOutput) => void): void {
    this.onSaved = fn;
  }

  /** Queue the item's full latest state; `typing` waits for a pause first. */
  update(input: SaveInput, { typing = false }: { typing?: boolean } = {}): void {
    const id = input.itemId;
    this.pending.set(id, input);
    this.opts.stash?.put(input);
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.delete(id);
    if (typing) {
      this.timers.set(id, setTimeout(() => { this.timers.delete(id); void this.flush(id); }, this.debounceMs));
      this.emit();
    } else {
      void this.flush(id);
    }
  }

  /** Send failed items again now. */
  retry(): Promise<void> {
    return Promise.all([...this.failed.keys()].map((id) => this.flush(id))).then(() => undefined);
  }

  /** Send everything waiting, without the debounce (leaving a screen). */
  async flushAll(): Promise<void> {
    for (const [id, t] of this.timers) { clearTimeout(t); this.timers.delete(id); }
    await Promise.all([...this.pending.keys()].map((id) => this.flush(id)));
    await Promise.all([...this.inflight.values()]);
  }

  status(): QueueStatus { return this.snapshot; }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inflight.size > 0 || this.failed.size > 0;
  }

  private async flush(id: string): Promise<void> {
    const running = this.inflight.get(id);
    if (running) {
      // One save per item at a time; the newest state goes once this one ends.
      await running;
      if (this.inflight.has(id)) return;
      if (this.pending.has(id) && !this.timers.has(id)) return this.flush(id);
      return;
    }
    const input = this.pending.get(id);
    if (!input) return;
    this.pending.delete(id);
    const p = this.opts.send(input).then(
      (out) => {
        this.failed.delete(id);
        this.opts.stash?.drop(id, input);
        this.onSaved?.(out);
      },
      (err: unknown) => {
        // Keep the newest state: a later edit may already be waiting.
        if (!this.pending.has(id)) this.pending.set(id, input);
        this.failed.set(id, err);
        this.lastError = err;
      },
    ).finally(() => {
      this.inflight.delete(id);
      this.emit();
    });
    this.inflight.set(id, p);
    this.emit();
    await p;
    // A change that arrived during the save and is not waiting on a timer.
    if (!this.failed.has(id) && this.pending.has(id) && !this.timers.has(id)) await this.flush(id);
  }

  private lastError: unknown = null;

  private emit(): void {
    const failedItems = [...this.failed.keys()];
    const state: SaveState = failedItems.length
      ? (this.inflight.size ? 'saving' : 'failed')
      : this.pending.size || this.inflight.size ? 'saving' : 'saved';
    const prev = this.snapshot;
    if (prev.state === state && prev.error === this.lastError && prev.failedItems.join() === failedItems.join()) return;
    this.snapshot = { state, error: failedItems.length ? this.lastError : null, failedItems };
    for (const l of this.listeners) l();
  }
}

let lastFlush: Promise<void> = Promise.resolve();

/** Screens that load audit data wait for saves a closing screen still has in flight. */
export function afterPendingSaves(): Promise<void> {
  return lastFlush.catch(() => undefined);
}

export function trackFlush(p: Promise<void>): void {
  lastFlush = Promise.all([lastFlush.catch(() => undefined), p]).then(() => undefined);
}
