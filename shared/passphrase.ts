// How strong a passphrase must be to seal a new signing key on the command
// line (the app uses the system keychain instead). The rule, as the README
// states it: at least 12 characters, at least 6 different ones, not a common
// password or the app's name with digits or symbols added, and not one short
// group repeated or a run of consecutive characters ("123456789012",
// "abcabcabcabc"). Several unrelated words pass easily.

export const MIN_PASSPHRASE_LENGTH = 12;
const MIN_DISTINCT = 6;

/** Bases of passwords tried first by anyone guessing (with digits or symbols around them). */
const COMMON = new Set([
  'password', 'passphrase', 'passwort', 'motdepasse', 'contrasena', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbnm',
  'letmein', 'welcome', 'iloveyou', 'admin', 'administrator', 'changeme', 'secret', 'monkey', 'dragon', 'football', 'baseball',
  'sunshine', 'princess', 'master', 'trustno', 'fairsite', 'fairsiteaudit', 'auditor', 'audit', 'signingkey', 'default',
]);

export function passphraseProblem(p: string): string | null {
  const chars = [...p];
  if (chars.length < MIN_PASSPHRASE_LENGTH) return `it has ${chars.length} character${chars.length === 1 ? '' : 's'}; at least ${MIN_PASSPHRASE_LENGTH} are needed`;
  if (new Set(chars).size < MIN_DISTINCT) { const n = new Set(chars).size; return `it uses only ${n} different character${n === 1 ? '' : 's'}; at least ${MIN_DISTINCT} are needed`; }
  const core = p.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '').replace(/[\s_.-]+/g, '');
  if (COMMON.has(core)) return 'it is a common password with digits or symbols added';
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return 'it is one short group of characters repeated';
  }
  const codes = chars.map((c) => c.codePointAt(0)!);
  const steps = codes.slice(1).map((c, i) => c - codes[i]!);
  const runs = steps.filter((d) => d === 1 || d === -1 || d === -9 || d === 9).length;
  if (runs >= steps.length - 1) return 'it is a run of consecutive characters';
  return null;
}

export const passphraseAdvice = (problem: string): string =>
  `This passphrase is too weak to protect the signing key: ${problem}. Use at least ${MIN_PASSPHRASE_LENGTH} characters — three or four unrelated words work well — not a common password, and not a repeated or consecutive run of characters.`;
