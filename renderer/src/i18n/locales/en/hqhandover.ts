// English (source) texts of handing an audit over to another auditor at headquarters.
export default {
  'open': 'Hand over to…',
  'formLabel': 'Hand this audit over',
  'lead': 'The audit and its later revisions will belong to the auditor you choose: only that auditor’s laptop may send it from then on. The reason is kept in headquarters’ record.',
  'nobody': 'No other enrolled auditor can receive this audit. Enrol the receiving auditor first.',
  'to': 'Receiving auditor',
  'choose': 'Choose an auditor',
  'option': '{{name}} ({{auditorId}}), key {{key}}…',
  'reason': 'Reason',
  'reasonHint': 'For example: the auditor left the organisation, or the site moved to another region.',
  'submit': 'Hand over…',
  'cancel': 'Cancel',
  'confirmTitle': 'Hand the audit of {{site}} over to {{name}}?',
  'confirmText': 'From now on only {{name}} ({{auditorId}}) may send this audit and its later revisions; bundles of it from the previous auditor will be refused.',
  'confirmReason': 'Reason: {{reason}}',
  'confirm': 'Hand over',
  'done': 'The audit now belongs to {{name}} ({{auditorId}}).',
};
