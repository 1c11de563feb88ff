// HQ's configuration package fetched from the address HQ gave: that address
// only (a redirect elsewhere is refused, not followed), https:// unless the
// server is this computer, a bounded size and time. The package is signed,
// so the transport adds no trust of its own; the limits keep a wrong address
// from hanging the app or filling its memory.
import { AppError } from '../../../shared/errors';
import { MAX_HQ_CONFIG_CHARS } from '../../../shared/domain/hq-config';
import { isLoopbackHost } from '../sync/endpoint';

const TIMEOUT_MS = 30_000;

export async function fetchHqConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const u = new URL(url);
  if (u.protocol !== 'https:' && !isLoopbackHost(u.hostname)) {
    throw new AppError('invalid_input', `Use the https:// address HQ gave (${u.protocol}//${u.host} is not encrypted).`, [{ path: 'url', message: 'must be https://' }]);
  }
  let res: Response;
  try {
    res = await fetchImpl(u, { redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (err) {
    throw new AppError('rejected', `Could not fetch the package from ${u.host} (${(err as Error).message}); it may redirect elsewhere, which is refused. Check the address, or import the file HQ sent instead. Nothing was changed.`);
  }
  if (!res.ok) throw new AppError('rejected', `${u.host} answered ${res.status} for the package address. Check the address with HQ. Nothing was changed.`);
  const reader = res.body?.getReader();
  if (!reader) throw new AppError('rejected', `${u.host} sent no package. Nothing was changed.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_HQ_CONFIG_CHARS) {
      await reader.cancel();
      throw new AppError('rejected', `The answer from ${u.host} is larger than any HQ configuration package (over ${MAX_HQ_CONFIG_CHARS / 1_000_000} MB). Check the address. Nothing was changed.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
