// What an import says, as messages (shared/locales/en/core-hq.ts): the
// English for the command line and the receipts, the message for the inbox
// screen in its language.
import { msg, type Message } from '../../../shared/messages';
import { coreEnglish } from '../../../shared/core-messages';
import { BundleRejected, type RejectCode } from '../bundle/rejection';

/** A result's `message` (English) and `text` (the same message, for the UI). */
export const said = (text: Message): { message: string; text: Message } => ({ message: coreEnglish(text), text });

/** A refusal of the bundle that says why by a message. */
export function refusedAs(reason: RejectCode, text: Message): BundleRejected {
  return new BundleRejected(reason, text);
}

// What a held bundle waits for, as the HQ store keeps it (electron/core/hq/merge.ts
// writes it in English into the bundles table): read back into its message.
const WAITING: Array<[RegExp, (m: RegExpMatchArray) => Message]> = [
  [/^waiting for bundle (\S+), which this one is incremental to$/, (m) => msg('hqImport.waitBundle', { bundle: m[1]! })],
  [/^waiting for the earlier events of audit (\S+)$/, (m) => msg('hqImport.waitEvents', { audit: m[1]! })],
  [/^waiting for photo ([0-9a-f]+)… sent in an earlier bundle$/, (m) => msg('hqImport.waitPhoto', { photo: m[1]! })],
  [/^waiting for report (.+) sent in an earlier bundle$/, (m) => msg('hqImport.waitReport', { report: m[1]! })],
];

/** The reason a bundle is held, as a message; one written otherwise is kept as written. */
export function waitingText(reason: string): Message {
  for (const [re, make] of WAITING) {
    const m = reason.match(re);
    if (m) return make(m);
  }
  return msg('core.asWritten', { text: reason });
}
