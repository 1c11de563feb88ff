// HQ's configuration package fetched from the address HQ gave: that address
// only (a redirect elsewhere is refused, not followed), https:// unless the
// server is this computer, a bounded size and time. The package is signed,
// so the transport adds no trust of its own; the limits keep a wrong address
// from hanging the app or filling its memory.
import { msg, type Message } from '../../../shared/messages';
import { fieldText, refusal } from '../../../shared/core-messages';
import { MAX_HQ_CONFIG_CHARS } from '../../../shared/domain/hq-config';
import { isLoopbackHost } from '../sync/endpoint';

const TIMEOUT_MS = 30_000;

/** Every refusal ends by saying nothing was changed. */
const refused = (reason: Message) => refusal('rejected', msg('hqConfig.refused', { reason }));

export async function fetchHqConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const u = new URL(url);
  if (u.protocol !== 'https:' && !isLoopbackHost(u.hostname)) {
    throw refusal('invalid_input', msg('hqConfig.notHttps', { address: `${u.protocol}//${u.host}` }), [fieldText('url', msg('hqConfig.mustHttps'))]);
  }
  let res: Response;
  try {
    res = await fetchImpl(u, { redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (err) {
    throw refused(msg('hqConfig.fetchFailed', { host: u.host, error: (err as Error).message }));
  }
  if (!res.ok) throw refused(msg('hqConfig.httpStatus', { host: u.host, status: String(res.status) }));
  const reader = res.body?.getReader();
  if (!reader) throw refused(msg('hqConfig.nothingSent', { host: u.host }));
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_HQ_CONFIG_CHARS) {
      await reader.cancel();
      throw refused(msg('hqConfig.tooLarge', { host: u.host, mb: MAX_HQ_CONFIG_CHARS / 1_000_000 }));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
