// Numbers read as the user typed them, in the user's locale: "18,500" is
// eighteen thousand five hundred in English and 18.5 in German. Separators
// come from Intl (CLDR), so every locale the runtime knows works the same
// way. What is not a number in that locale is refused with a message,
// never reinterpreted: no sign, no exponent, no separator in the wrong place.

export interface NumberSeparators {
  group: string;
  decimal: string;
  /** Digits in the last group, and in the groups before it (3 and 3; 3 and 2 in en-IN). */
  primary: number;
  secondary: number;
}

/** Why a text is not a number; the UI says it in its language from `code` and `params` (validation:number.<code>). */
export interface NumberProblem {
  ok: false;
  message: string;
  code: string;
  params: Record<string, string>;
}

export type ParsedNumber = { ok: true; value: number | null } | NumberProblem;

const problem = (code: string, message: string, params: Record<string, string> = {}): NumberProblem => ({ ok: false, message, code, params });

export interface NumberRules {
  /** Smallest value allowed (0 unless given). */
  min?: number;
  max?: number;
  integer?: boolean;
  /** Unit for messages ("hours"). */
  unit?: string;
}

// Spaces people type for a thousands separator that CLDR writes as a no-break space.
const SPACES = /[\u0020\u00a0\u202f\u2009]/g;
const cache = new Map<string, NumberSeparators>();

export function separatorsOf(locale: string): NumberSeparators {
  const hit = cache.get(locale);
  if (hit) return hit;
  const nf = new Intl.NumberFormat(locale, { useGrouping: true });
  const parts = nf.formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const ints = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const primary = ints.length > 1 ? ints[ints.length - 1]! : 3;
  const secondary = ints.length > 2 ? ints[ints.length - 2]! : primary;
  const out = { group: group.replace(SPACES, ' '), decimal, primary, secondary };
  cache.set(locale, out);
  return out;
}

// Zeros of the digit sets people may type in: Arabic-Indic, extended
// Arabic-Indic, Devanagari, Bengali, Thai, Lao, Myanmar, fullwidth.
const ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ed0, 0x1040, 0xff10];

/** Digits in the locale's own script (Thai ๑๒๓, …) read as 0–9. */
function latinDigits(t: string): string {
  return t.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0)!;
    const zero = ZEROS.find((z) => cp >= z && cp <= z + 9);
    return zero === undefined ? d : String(cp - zero);
  });
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 6 }).format(n);
}

const unitText = (r: NumberRules) => (r.unit ? ` ${r.unit}` : '');

function validGrouping(int: string, sep: NumberSeparators): boolean {
  const groups = int.split(sep.group);
  if (groups.some((g) => !/^\d+$/.test(g))) return false;
  if (groups.length === 1) return true;
  const last = groups[groups.length - 1]!;
  const first = groups[0]!;
  const middle = groups.slice(1, -1);
  return last.length === sep.primary && middle.every((g) => g.length === sep.secondary) && first.length >= 1 && first.length <= sep.secondary;
}

/**
 * Reads `text` as a number in `locale`. Empty text is `null` (no value).
 * The messages say what to type instead, in plain words.
 */
export function parseNumber(text: string, locale: string, rules: NumberRules = {}): ParsedNumber {
  const sep = separatorsOf(locale);
  const example = formatNumber(18500.5, locale);
  let t = latinDigits(text.trim());
  if (t === '') return { ok: true, value: null };
  const min = rules.min ?? 0;
  if (/^[-\u2212\u2012\u2013]/.test(t)) {
    return min >= 0 ? problem('negative', 'Cannot be negative') : problem('notNumber', `Type a number such as ${example}`, { example });
  }
  if (/e/i.test(t)) {
    const thousand = formatNumber(1000, locale);
    return problem('exponent', `Type the number in full, without an exponent (for example ${thousand})`, { example: thousand });
  }
  if (sep.group === ' ') t = t.replace(SPACES, ' ');
  const allowed = new RegExp(`^[0-9${escape(sep.group)}${escape(sep.decimal)}]+$`);
  if (!allowed.test(t)) return problem('digitsOnly', `Not a number: type digits only, such as ${example}`, { example });
  const pieces = t.split(sep.decimal);
  const { decimal, group } = sep;
  if (pieces.length > 2) return problem('decimalOnce', `Use “${decimal}” only once, before the decimals (${example})`, { decimal, example });
  const [int = '', frac] = pieces;
  if (frac !== undefined && !/^\d+$/.test(frac)) {
    return problem('decimalDigits', `Write decimals after “${decimal}” with digits only (${example})`, { decimal, example });
  }
  if (int !== '' && !validGrouping(int, sep)) {
    return problem(
      group === ' ' ? 'groupingSpace' : 'grouping',
      `Not read as a number here: “${group === ' ' ? 'space' : group}” separates thousands and “${decimal}” starts the decimals (${example})`,
      { group, decimal, example },
    );
  }
  const value = Number(`${int.split(sep.group).join('') || '0'}.${frac ?? '0'}`);
  if (!Number.isFinite(value)) return problem('notNumber', `Type a number such as ${example}`, { example });
  if (rules.integer && !Number.isInteger(value)) return problem('whole', 'Whole number only');
  const unit = rules.unit ?? '';
  if (value < min) {
    const m = formatNumber(min, locale);
    return problem(unit ? 'atLeastUnit' : 'atLeast', `At least ${m}${unitText(rules)}`, { min: m, unit });
  }
  if (rules.max !== undefined && value > rules.max) {
    const m = formatNumber(rules.max, locale);
    return problem(unit ? 'atMostUnit' : 'atMost', `At most ${m}${unitText(rules)}`, { max: m, unit });
  }
  return { ok: true, value };
}

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
}
