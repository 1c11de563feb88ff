// The pseudo-locale, made from the English catalogues when a test runs (it
// is never shipped): every letter accented, about a third longer, with
// placeholders and markup kept, so any text on screen that did not come
// through i18next stays plain ASCII and is found, and longer languages'
// layouts are tried.
import { resources } from '../../renderer/src/i18n/resources';

export const PSEUDO = 'en-XA';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);

/** One text in the pseudo-locale; {{placeholders}} and <tags> pass unchanged. */
export function pseudo(text: string): string {
  let letters = 0;
  return text.split(/(\{\{[^}]*\}\}|<[^>]+>)/).map((part, i) => {
    if (i % 2 === 1) return part;
    return [...part].map((c) => {
      const a = ACCENTED[c];
      if (!a) return c;
      letters++;
      // Every third letter doubled: about 30 % longer, inside the words where wrapping is tested.
      return letters % 3 === 0 ? a + a : a;
    }).join('');
  }).join('');
}

export function pseudoCatalogue(): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(resources.en).map(([ns, keys]) => [
    ns, Object.fromEntries(Object.entries(keys as Record<string, string>).map(([k, v]) => [k, pseudo(v)])),
  ]));
}
