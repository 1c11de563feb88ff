// Textos en español del historial de traspasos en la sede (la vista de una auditoría y la página de auditores).
export default {
  'title': 'Traspasos',
  'loading': 'traspasos',
  'none': 'Esta auditoría nunca se traspasó: pertenece al auditor cuyo portátil la envió primero.',
  'listLabel': 'Traspasos de esta auditoría, del más reciente al más antiguo',
  'entry': 'Traspasada de {{from}} a {{to}} el {{when}}: {{reason}}',
  'party': '{{name}} ({{auditorId}})',
  'unknownKey': 'un auditor que ya no está inscrito (clave {{key}}…)',
  'auditorLabel': 'Traspasos hacia y desde {{name}}, del más reciente al más antiguo',
  'received': 'recibida de {{from}} el {{when}}: {{reason}}',
  'gave': 'traspasada a {{to}} el {{when}}: {{reason}}',
  'cut': 'En esta página solo se muestran los {{limit}} traspasos más recientes; la página de cada auditoría los muestra todos.',
};
