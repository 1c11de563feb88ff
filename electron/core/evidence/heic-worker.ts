// HEIC photos are decoded by libheif compiled to WebAssembly, which runs on
// the thread that calls it: on the main thread a large or hostile file
// stalls every other call for seconds. Here each decode runs in a worker
// thread, is refused before decoding when it has more pixels than the cap,
// and is stopped when it takes too long.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { AppError } from '../../../shared/errors';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

export interface HeicPixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Plain CommonJS, so the worker needs no TypeScript loader and no bundling. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.modulePath);
(async () => {
  const images = await decode.all({ buffer: workerData.buffer });
  const first = images[0];
  if (!first) throw new Error('HEIF image not found');
  if (first.width * first.height > workerData.maxPixels) {
    parentPort.postMessage({ tooLarge: { width: first.width, height: first.height } });
    return;
  }
  const img = await first.decode();
  const data = new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  parentPort.postMessage({ width: img.width, height: img.height, data }, [data.buffer]);
})().catch((err) => parentPort.postMessage({ error: String((err && err.message) || err) }));
`;

type Reply = { tooLarge: { width: number; height: number } } | { error: string } | HeicPixels;

export async function decodeHeicOffThread(buffer: Uint8Array, opts: { maxPixels: number; timeoutMs: number; tooLarge: (w: number, h: number) => AppError }): Promise<HeicPixels> {
  const modulePath = createRequire(import.meta.url).resolve('heic-decode');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, buffer, maxPixels: opts.maxPixels } });
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => reject(refusal('rejected', msg('photo.heicSlow', { seconds: Math.round(opts.timeoutMs / 1000) }))), opts.timeoutMs);
      worker.once('message', (m: Reply) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the decoder stopped (exit code ${code})`));
      });
    });
    if ('tooLarge' in reply) throw opts.tooLarge(reply.tooLarge.width, reply.tooLarge.height);
    if ('error' in reply) throw new Error(reply.error);
    return reply;
  } finally {
    void worker.terminate();
  }
}
