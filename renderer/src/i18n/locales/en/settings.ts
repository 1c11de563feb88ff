// English (source): the language and number format choices in Settings.
export default {
  'language.title': 'Language',
  'language.label': 'Language of the app',
  'language.system': 'As the system ({{name}})',
  'language.numbers': 'Number format',
  'language.numbersDefault': 'As the language',
  'language.numberOption': '{{name}}: {{example}}',
  'language.numbersHint': 'Numbers are shown and typed like this: {{example}}.',
} as const;
