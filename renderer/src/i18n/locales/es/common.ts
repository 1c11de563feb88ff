export default {
  'app.name': 'Fairsite',
  'app.skip': 'Saltar al contenido',
  'nav.main': 'Principal',
  'nav.audits': 'Auditorías',
  'nav.newAudit': 'Nueva auditoría',
  'nav.sync': 'Sincronizar',
  'nav.settings': 'Ajustes',
  'status.loading': 'Cargando {{what}}…',
} as const;
