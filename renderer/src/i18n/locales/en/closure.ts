// English (source) texts of the cycle after an audit at headquarters: the
// evidence of closure under each action, and each action of a finding in the tracker.
export default {
  'evidence.listLabel': 'Evidence of closure for {{action}}',
  'evidence.view': 'View {{name}} full size',
  'evidence.open': 'Open',
  'evidence.openLabel': 'Open {{name}}',
  'evidence.close': 'Close',
  'evidence.loading': 'the picture',
  'evidence.notHeld': 'The file is not at headquarters',
  'evidence.meta': '{{type}}, {{size}} bytes',
  'evidence.description': 'Note: {{text}}',
  'audit.now': 'Now: {{status}}',
  'audit.collaborative': 'Collaborative action required: progress reviewed on {{date}}',
  'audit.collaborativeNoDate': 'Collaborative action required: no fixed closing date',
  'tracker.actionsLabel': 'Corrective actions of this finding',
  'tracker.closedOf_one': '{{closed}} of {{count}} action closed',
  'tracker.closedOf_other': '{{closed}} of {{count}} actions closed',
  'tracker.actionLine': '{{action}} — {{status}}',
  'tracker.due': 'due {{date}}',
  'tracker.collaborative': 'collaborative action, no fixed closing date',
  'tracker.overdue': 'overdue',
};
