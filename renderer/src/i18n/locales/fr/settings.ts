export default {
  'language.title': 'Langue',
  'language.label': 'Langue de l’application',
  'language.system': 'Comme le système ({{name}})',
  'language.numbers': 'Format des nombres',
  'language.numbersDefault': 'Comme la langue',
  'language.numberOption': '{{name}} : {{example}}',
  'language.numbersHint': 'Les nombres sont affichés et saisis ainsi : {{example}}.',
} as const;
