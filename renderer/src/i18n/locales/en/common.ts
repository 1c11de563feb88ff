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
  'saved.report.saved': 'Report saved to {{path}}.',
  'saved.report.download': 'Report downloaded as {{file}}.',
  'saved.report.cancelled': 'Report not saved elsewhere (cancelled); it stays in the app’s data folder.',
} as const;
