// Textos en español de los filtros tipados de la sede, el diálogo de confirmación y el paquete de configuración de la sede.
export default {
  'filter.client': 'Cliente',
  'filter.country': 'País',
  'filter.siteId': 'Centro',
  'filter.auditorId': 'Auditor',
  'filter.band': 'Calificación',
  'filter.status': 'Estado',
  'filter.from': 'Auditorías desde',
  'filter.to': 'Auditorías hasta',
  'filter.any': 'Cualquiera',
  'filter.countryOption': '{{name}} ({{code}})',
  'filter.siteOption': '{{name}} · {{country}}',
  'filter.auditorOption': '{{name}} ({{id}})',
  'filter.periodBackwards': 'El periodo termina antes de empezar: ponga la fecha posterior en «Auditorías hasta».',
  'filter.severity': 'Gravedad',
} as const;
