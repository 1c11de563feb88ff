// Textes français du cycle après un audit au siège : les preuves de clôture
// de chaque action et chaque action d'un constat dans le suivi.
export default {
  'evidence.listLabel': 'Preuves de clôture de {{action}}',
  'evidence.view': 'Voir {{name}} en taille réelle',
  'evidence.open': 'Ouvrir',
  'evidence.openLabel': 'Ouvrir {{name}}',
  'evidence.close': 'Fermer',
  'evidence.loading': "l'image",
  'evidence.notHeld': "Le fichier n'est pas au siège",
  'evidence.meta': '{{type}}, {{size}} octets',
  'evidence.description': 'Note : {{text}}',
  'audit.now': 'Maintenant : {{status}}',
  'audit.collaborative': 'Action collaborative requise : avancement revu le {{date}}',
  'audit.collaborativeNoDate': 'Action collaborative requise : pas de date de clôture fixe',
  'tracker.actionsLabel': 'Actions correctives de ce constat',
  'tracker.closedOf_one': '{{closed}} action sur {{count}} clôturée',
  'tracker.closedOf_many': '{{closed}} actions sur {{count}} clôturées',
  'tracker.closedOf_other': '{{closed}} actions sur {{count}} clôturées',
  'tracker.actionLine': '{{action}} — {{status}}',
  'tracker.due': 'échéance le {{date}}',
  'tracker.collaborative': 'action collaborative, pas de date de clôture fixe',
  'tracker.overdue': 'en retard',
};
