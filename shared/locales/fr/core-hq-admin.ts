// Ce que dit le siège quand un audit est transféré à la clé d’un autre auditeur (voir en/core-hq-admin.ts).
export default {
  'hqAdmin.noAudit': 'Le siège ne détient aucun audit {{audit}} ; rien n’a été modifié.',
  'hqAdmin.noKey': 'Aucune clé enregistrée n’a cette empreinte ; enregistrez d’abord l’auditeur qui reçoit l’audit. Rien n’a été modifié.',
  'hqAdmin.revokedKey': 'Cette clé a été révoquée ; un audit ne peut pas lui être transféré. Rien n’a été modifié.',
  'hqAdmin.sameKey': 'L’audit {{audit}} appartient déjà à cette clé ; rien n’a été modifié.',
};
