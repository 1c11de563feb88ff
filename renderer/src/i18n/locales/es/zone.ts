// Textos en español de los momentos mostrados en la zona horaria del centro.
export default {
  'zone.at': '{{time}} (hora de {{zone}})',
  'zone.siteZone': 'Las horas están en la zona horaria del centro, {{zone}}.',
  'zone.noZone': 'No se registró la zona horaria del centro: las horas están en UTC.',
  'zone.label': 'Zona horaria del centro',
  'zone.recorded': 'Registrada',
  'zone.added': 'Añadida el {{time}}',
} as const;
