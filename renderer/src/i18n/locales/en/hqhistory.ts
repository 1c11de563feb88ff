// English (source) texts of the hand-over history at headquarters (the audit view and the Auditors page).
export default {
  'title': 'Hand-overs',
  'loading': 'hand-overs',
  'none': 'This audit was never handed over: it belongs to the auditor whose laptop first sent it.',
  'listLabel': 'Hand-overs of this audit, newest first',
  'entry': 'Handed over from {{from}} to {{to}} on {{when}}: {{reason}}',
  'party': '{{name}} ({{auditorId}})',
  'unknownKey': 'an auditor no longer enrolled (key {{key}}…)',
  'auditorLabel': 'Hand-overs to and from {{name}}, newest first',
  'received': 'received from {{from}} on {{when}}: {{reason}}',
  'gave': 'handed over to {{to}} on {{when}}: {{reason}}',
  'cut': 'Only the {{limit}} newest hand-overs are shown on this page; each audit’s page lists all of its own.',
};
