// Save as…, the same call on every transport: the desktop app answers once
// its native dialog is done; the web harness answers with the bytes, which
// the page hands to the browser as one download.
import type { Client } from '../../../shared/contract/client';
import type { SaveOutcome, SaveSource } from '../../../shared/contract/dialog-ops';
import { initI18n } from '../i18n';
import { coreLanguage } from '../i18n/languages';

export async function saveAs(client: Client, source: SaveSource): Promise<SaveOutcome> {
  const r = await client.call('dialog.save', { source, language: coreLanguage(initI18n().language) });
  if (r.outcome === 'download') {
    const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: r.mimeType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return r;
}

/** What to tell the person once the file is handed over, in the UI language. */
export function savedText(r: SaveOutcome, what: 'report'): string {
  const t = initI18n().t;
  if (r.outcome === 'saved') return t(`saved.${what}.saved`, { ns: 'common', path: r.path });
  if (r.outcome === 'download') return t(`saved.${what}.download`, { ns: 'common', file: r.fileName });
  return t(`saved.${what}.cancelled`, { ns: 'common' });
}
