// Textes français des filtres typés du siège, de la boîte de confirmation et du paquet de configuration du siège.
export default {
  'filter.client': 'Client',
  'filter.country': 'Pays',
  'filter.siteId': 'Site',
  'filter.auditorId': 'Auditeur',
  'filter.band': 'Note',
  'filter.status': 'Statut',
  'filter.from': 'Audits à partir du',
  'filter.to': 'Audits jusqu’au',
  'filter.any': 'Tous',
  'filter.countryOption': '{{name}} ({{code}})',
  'filter.siteOption': '{{name}} · {{country}}',
  'filter.auditorOption': '{{name}} ({{id}})',
  'filter.periodBackwards': 'La période se termine avant de commencer : mettez la date la plus tardive dans « Audits jusqu’au ».',
  'filter.severity': 'Gravité',
} as const;
