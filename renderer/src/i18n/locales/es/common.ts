export default {
  'app.name': 'Fairsite',
  'app.skip': 'Saltar al contenido',
  'nav.main': 'Principal',
  'nav.audits': 'Auditorías',
  'nav.newAudit': 'Nueva auditoría',
  'nav.sync': 'Sincronizar',
  'nav.settings': 'Ajustes',
  'status.loading': 'Cargando {{what}}…',
  'saved.report.saved': 'Informe guardado en {{path}}.',
  'saved.report.download': 'Informe descargado como {{file}}.',
  'saved.report.cancelled': 'El informe no se guardó en otro sitio (cancelado); sigue en la carpeta de datos de la aplicación.',
} as const;
