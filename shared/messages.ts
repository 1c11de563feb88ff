// A message is a key and its parameters, never finished text: the core
// writes it in English for logs, the command line and English reports, the
// UI in the auditor's language (renderer/src/i18n/messages.ts) from the
// same key. A parameter may itself be a message (a limit named inside a
// sentence) or a list of messages (said one after the other, comma between),
// translated first. `count` picks the plural (_one/_other).

export type MessageParam = string | number | Message | Message[];
export interface Message {
  key: string;
  params?: Record<string, MessageParam>;
}

export const msg = (key: string, params?: Record<string, MessageParam>): Message => (params ? { key, params } : { key });

/** Rounded to cents, no grouping: the English the core has always written ("18500.5"). */
export const plainNumber = (n: number): string => String(Math.round(n * 100) / 100);

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => values[p] ?? '');

export interface RenderOptions {
  /** The language's plural rules pick _one, _many or _other (English by default). */
  lang?: string;
  /** How a figure is written (the English plain form by default). */
  num?: (n: number) => string;
}

/** Renders a message from one catalogue, the way i18next would (English unless told). */
export function renderWith(catalogue: Readonly<Record<string, string>>, m: Message, opts: RenderOptions = {}): string {
  const count = m.params?.count;
  const form = typeof count === 'number' ? new Intl.PluralRules(opts.lang ?? 'en').select(count) : undefined;
  const plural = form ? catalogue[`${m.key}_${form}`] ?? catalogue[`${m.key}_other`] : undefined;
  const text = plural ?? catalogue[m.key] ?? m.key;
  return fill(text, paramTexts(m, opts.num ?? plainNumber, (sub) => renderWith(catalogue, sub, opts)));
}

/** Each parameter as text: figures by `num`, nested messages by `say`, lists joined. */
export function paramTexts(m: Message, num: (n: number) => string, say: (m: Message) => string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    values[k] = typeof v === 'number' ? num(v) : typeof v === 'string' ? v : Array.isArray(v) ? v.map(say).join(', ') : say(v);
  }
  return values;
}

/** Every key a message uses, its nested ones included (for the catalogue test). */
export function messageKeys(m: Message): string[] {
  return [m.key, ...Object.values(m.params ?? {}).flatMap((v) => (Array.isArray(v) ? v.flatMap(messageKeys) : typeof v === 'object' ? messageKeys(v) : []))];
}
