// English (source) texts of HQ's typed filters, the confirm dialog and the HQ configuration package.
export default {
  'filter.client': 'Client',
  'filter.country': 'Country',
  'filter.siteId': 'Site',
  'filter.auditorId': 'Auditor',
  'filter.band': 'Band',
  'filter.status': 'Status',
  'filter.from': 'Audits from',
  'filter.to': 'Audits to',
  'filter.any': 'Any',
  'filter.countryOption': '{{name}} ({{code}})',
  'filter.siteOption': '{{name}} · {{country}}',
  'filter.auditorOption': '{{name}} ({{id}})',
  'filter.periodBackwards': 'The period ends before it starts: put the later date in “Audits to”.',
  'filter.severity': 'Severity',
} as const;
