// How strong a passphrase must be to seal a new signing key on the command
// line (the app uses the system keychain instead). The rule, as the README
// states it: at least 12 characters, at least 6 different ones, not a common
// password or the app's name with digits or symbols added, and not one short
// group repeated or a run of consecutive characters ("123456789012",
// "abcabcabcabc"). Several unrelated words pass easily.
import { msg, type Message } from './messages';

export const MIN_PASSPHRASE_LENGTH = 12;
const MIN_DISTINCT = 6;

/** Bases of passwords tried first by anyone guessing (with digits or symbols around them). */
const COMMON = new Set([
  'password', 'passphrase', 'passwort', 'motdepasse', 'contrasena', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbnm',
  'letmein', 'welcome', 'iloveyou', 'admin', 'administrator', 'changeme', 'secret', 'monkey', 'dragon', 'football', 'baseball',
  'sunshine', 'princess', 'master', 'trustno', 'fairsite', 'fairsiteaudit', 'auditor', 'audit', 'signingkey', 'default',
]);

/** What makes the passphrase weak, as a message (said in the reader's language); null when it is strong enough. */
export function passphraseProblem(p: string): Message | null {
  const chars = [...p];
  if (chars.length < MIN_PASSPHRASE_LENGTH) return msg('key.weak.short', { count: chars.length, min: MIN_PASSPHRASE_LENGTH });
  if (new Set(chars).size < MIN_DISTINCT) return msg('key.weak.fewDistinct', { count: new Set(chars).size, min: MIN_DISTINCT });
  const core = p.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '').replace(/[\s_.-]+/g, '');
  if (COMMON.has(core)) return msg('key.weak.common');
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return msg('key.weak.repeated');
  }
  const codes = chars.map((c) => c.codePointAt(0)!);
  const steps = codes.slice(1).map((c, i) => c - codes[i]!);
  const runs = steps.filter((d) => d === 1 || d === -1 || d === -9 || d === 9).length;
  if (runs >= steps.length - 1) return msg('key.weak.run');
  return null;
}

/** Why the passphrase is refused and what makes a good one. */
export const passphraseAdvice = (problem: Message): Message => msg('key.tooWeak', { problem, min: MIN_PASSPHRASE_LENGTH });
