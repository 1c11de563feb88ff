// English (source): protection of the signing key.
export default {
  title: 'Key protection',
  sealedBy: 'Signing key sealed by',
  'method.keychain': 'The system keychain',
  'method.basic_text': 'A fixed key (no keyring found): weak',
  'method.passphrase': 'Your passphrase',
  methodOnly: '{{method}}',
  methodLocked: '{{method}} (locked until you enter it)',
  unlocked: 'Signing key unlocked.',
  protected: 'Your signing key is now protected by your passphrase. You will enter it once after each restart.',
  passphrase: 'Passphrase',
  newPassphrase: 'New passphrase (at least 12 characters; three or four unrelated words work well)',
  unlock: 'Unlock',
  protect: 'Protect with this passphrase',
} as const;
