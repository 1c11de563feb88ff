// Textes français des moments affichés dans le fuseau horaire du site.
export default {
  'zone.at': '{{time}} (heure de {{zone}})',
  'zone.siteZone': 'Les heures sont dans le fuseau horaire du site, {{zone}}.',
  'zone.noZone': 'Le fuseau horaire du site n’a pas été enregistré : les heures sont en UTC.',
  'zone.label': 'Fuseau horaire du site',
  'zone.recorded': 'Enregistré',
  'zone.added': 'Ajoutée le {{time}}',
} as const;
