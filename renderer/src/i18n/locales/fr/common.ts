export default {
  'app.name': 'Fairsite',
  'app.skip': 'Aller au contenu',
  'nav.main': 'Principale',
  'nav.audits': 'Audits',
  'nav.newAudit': 'Nouvel audit',
  'nav.sync': 'Synchroniser',
  'nav.settings': 'Paramètres',
  'status.loading': 'Chargement : {{what}}…',
  'saved.report.saved': 'Rapport enregistré dans {{path}}.',
  'saved.report.download': 'Rapport téléchargé sous le nom {{file}}.',
  'saved.report.cancelled': 'Le rapport n’a pas été enregistré ailleurs (annulé) ; il reste dans le dossier de données de l’application.',
} as const;
