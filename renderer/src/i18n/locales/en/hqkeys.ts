// English (source) texts of HQ's configuration key rotation.
export default {
  'rotate.title': 'Configuration key',
  'rotate.lead': 'Make a new key to sign configuration packages, for example when the old one may have leaked. Packages you publish afterwards are signed by the new key and vouched for by the old one, so laptops that trusted the old key accept them. A laptop that missed a change of key accepts the new one only when its auditor types the new fingerprint.',
  'rotate.button': 'Make a new configuration key…',
  'rotate.confirmTitle': 'Make a new configuration key?',
  'rotate.confirmText': 'This cannot be undone. Publish a new configuration package afterwards and give auditors the new fingerprint.',
  'rotate.confirm': 'Make a new key',
  'rotate.cancel': 'Cancel',
  'rotate.done': 'New configuration key made. Publish a new package now; it carries the old key’s endorsement.',
  'rotate.new': 'New key fingerprint:',
  'rotate.previous': 'Previous key fingerprint:',
};
