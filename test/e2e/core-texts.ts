// What of a core answer is data on screen, for the pseudo-locale runs: the
// core's own sentences travel as messages (shared/messages.ts: a key and its
// parameters) beside their English (`message`, `reason`, `scanError`). The
// UI must say those through i18next, so neither the key nor the English twin
// counts as data; a message's parameters (file names, bundle IDs, prompts) do.

const isMessage = (v: unknown): v is { key: string; params?: Record<string, unknown> } =>
  !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { key?: unknown }).key === 'string'
  && Object.keys(v).every((k) => k === 'key' || k === 'params');

/** The English twins of a message: the fields a screen must not show when the message is there. */
const TWINS: Record<string, string[]> = { text: ['message', 'reason'], scanErrorText: ['scanError'] };

/** The value with every core sentence left out: message keys and their English twins. */
export function dataOnly(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dataOnly);
  if (!v || typeof v !== 'object') return v;
  if (isMessage(v)) return v.params ? Object.values(v.params).map(dataOnly) : [];
  const o = v as Record<string, unknown>;
  const skip = new Set(Object.entries(TWINS).flatMap(([m, twins]) => (isMessage(o[m]) ? twins : [])));
  return Object.fromEntries(Object.entries(o).filter(([k]) => !skip.has(k)).map(([k, x]) => [k, dataOnly(x)]));
}
