// The hq.* read operations, typed from their contract table (shared/contract/hq-read-ops.ts).
import type { z } from 'zod';
import type { Client } from '../../../shared/contract/client';
import type { hqReadOps } from '../../../shared/contract/hq-read-ops';

type HqOps = typeof hqReadOps;
export type HqOpName = keyof HqOps;
export type HqIn<K extends HqOpName> = z.input<HqOps[K]['input']>;
export type HqOut<K extends HqOpName> = z.output<HqOps[K]['output']>;

export function hqCall<K extends HqOpName>(client: Client, op: K, input: HqIn<K>): Promise<HqOut<K>> {
  return client.call(op, input);
}

/** Bytes from an hq.* answer, handed to the browser as one download (works the same in the app and the harness). */
export function downloadBytes(base64: string, contentType: string, name: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function dataUrl(base64: string, contentType: string): string {
  return `data:${contentType};base64,${base64}`;
}
