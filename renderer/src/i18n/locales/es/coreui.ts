// Around the core's messages on screen (the messages themselves are in core.ts).
export default {
  'details': 'Detalles tal como se registraron (en inglés)',
};
