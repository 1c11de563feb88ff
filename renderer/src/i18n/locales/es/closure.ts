// Textos en español del ciclo tras una auditoría en la sede: las evidencias de
// cierre de cada acción y cada acción de un hallazgo en el seguimiento.
export default {
  'evidence.listLabel': 'Evidencias de cierre de {{action}}',
  'evidence.view': 'Ver {{name}} a tamaño completo',
  'evidence.open': 'Abrir',
  'evidence.openLabel': 'Abrir {{name}}',
  'evidence.close': 'Cerrar',
  'evidence.loading': 'la imagen',
  'evidence.notHeld': 'El archivo no está en la sede',
  'evidence.meta': '{{type}}, {{size}} bytes',
  'evidence.description': 'Nota: {{text}}',
  'audit.now': 'Ahora: {{status}}',
  'audit.collaborative': 'Requiere acción colaborativa: avance revisado el {{date}}',
  'audit.collaborativeNoDate': 'Requiere acción colaborativa: sin fecha fija de cierre',
  'tracker.actionsLabel': 'Acciones correctivas de este hallazgo',
  'tracker.closedOf_one': '{{closed}} de {{count}} acción cerrada',
  'tracker.closedOf_many': '{{closed}} de {{count}} acciones cerradas',
  'tracker.closedOf_other': '{{closed}} de {{count}} acciones cerradas',
  'tracker.actionLine': '{{action}} — {{status}}',
  'tracker.due': 'vence el {{date}}',
  'tracker.collaborative': 'acción colaborativa, sin fecha fija de cierre',
  'tracker.overdue': 'vencida',
};
