export default {
  'app.name': 'Fairsite',
  'app.skip': 'Aller au contenu',
  'nav.main': 'Principale',
  'nav.audits': 'Audits',
  'nav.newAudit': 'Nouvel audit',
  'nav.sync': 'Synchroniser',
  'nav.settings': 'Paramètres',
  'status.loading': 'Chargement : {{what}}…',
} as const;
