// Around the core's messages on screen (the messages themselves are in core.ts).
export default {
  'details': 'Détails tels qu’enregistrés (en anglais)',
};
