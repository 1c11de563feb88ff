// Textes français du transfert d’un audit à un autre auditeur au siège.
export default {
  'open': 'Transférer à…',
  'formLabel': 'Transférer cet audit',
  'lead': 'L’audit et ses révisions ultérieures appartiendront à l’auditeur choisi : seul l’ordinateur de cet auditeur pourra ensuite l’envoyer. Le motif est conservé dans le registre du siège.',
  'nobody': 'Aucun autre auditeur enregistré ne peut recevoir cet audit. Enregistrez d’abord l’auditeur qui le reçoit.',
  'to': 'Auditeur qui le reçoit',
  'choose': 'Choisissez un auditeur',
  'option': '{{name}} ({{auditorId}}), clé {{key}}…',
  'reason': 'Motif',
  'reasonHint': 'Par exemple : l’auditeur a quitté l’organisation, ou le site est passé à une autre région.',
  'submit': 'Transférer…',
  'cancel': 'Annuler',
  'confirmTitle': 'Transférer l’audit de {{site}} à {{name}} ?',
  'confirmText': 'Désormais seul {{name}} ({{auditorId}}) pourra envoyer cet audit et ses révisions ultérieures ; les paquets de l’auditeur précédent qui le contiennent seront refusés.',
  'confirmReason': 'Motif : {{reason}}',
  'confirm': 'Transférer',
  'done': 'L’audit appartient désormais à {{name}} ({{auditorId}}).',
};
