// Textes français du changement de la clé de configuration du siège.
export default {
  'rotate.title': 'Clé de configuration',
  'rotate.lead': 'Créez une nouvelle clé pour signer les paquets de configuration, par exemple lorsque l’ancienne a pu fuiter. Les paquets publiés ensuite sont signés par la nouvelle clé et cautionnés par l’ancienne : les ordinateurs portables qui faisaient confiance à l’ancienne clé les acceptent. Un portable qui a manqué un changement de clé n’accepte la nouvelle que si son auditeur saisit la nouvelle empreinte.',
  'rotate.button': 'Créer une nouvelle clé de configuration…',
  'rotate.confirmTitle': 'Créer une nouvelle clé de configuration ?',
  'rotate.confirmText': 'C’est irréversible. Publiez ensuite un nouveau paquet de configuration et donnez la nouvelle empreinte aux auditeurs.',
  'rotate.confirm': 'Créer une nouvelle clé',
  'rotate.cancel': 'Annuler',
  'rotate.done': 'Nouvelle clé de configuration créée. Publiez maintenant un nouveau paquet ; il porte la caution de l’ancienne clé.',
  'rotate.new': 'Empreinte de la nouvelle clé :',
  'rotate.previous': 'Empreinte de la clé précédente :',
};
