// Textes français de l’historique des transferts au siège (la vue d’un audit et la page des auditeurs).
export default {
  'title': 'Transferts',
  'loading': 'les transferts',
  'none': 'Cet audit n’a jamais été transféré : il appartient à l’auditeur dont l’ordinateur l’a envoyé en premier.',
  'listLabel': 'Transferts de cet audit, du plus récent au plus ancien',
  'entry': 'Transféré de {{from}} à {{to}} le {{when}} : {{reason}}',
  'party': '{{name}} ({{auditorId}})',
  'unknownKey': 'un auditeur qui n’est plus inscrit (clé {{key}}…)',
  'auditorLabel': 'Transferts vers et depuis {{name}}, du plus récent au plus ancien',
  'received': 'reçu de {{from}} le {{when}} : {{reason}}',
  'gave': 'transféré à {{to}} le {{when}} : {{reason}}',
  'cut': 'Seuls les {{limit}} transferts les plus récents figurent sur cette page ; la page de chaque audit les donne tous.',
};
