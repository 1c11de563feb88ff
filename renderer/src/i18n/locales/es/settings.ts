export default {
  'language.title': 'Idioma',
  'language.label': 'Idioma de la aplicación',
  'language.system': 'Como el sistema ({{name}})',
  'language.numbers': 'Formato de los números',
  'language.numbersDefault': 'Como el idioma',
  'language.numberOption': '{{name}}: {{example}}',
  'language.numbersHint': 'Los números se muestran y se escriben así: {{example}}.',
} as const;
