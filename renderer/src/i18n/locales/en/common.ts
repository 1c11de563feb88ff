// English (source) texts shared across screens.
export default {
  'app.name': 'Fairsite',
  'app.skip': 'Skip to content',
  'nav.main': 'Main',
  'nav.audits': 'Audits',
  'nav.newAudit': 'New audit',
  'nav.sync': 'Sync',
  'nav.settings': 'Settings',
  'status.loading': 'Loading {{what}}…',
} as const;
