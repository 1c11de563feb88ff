// Around the core's messages on screen (the messages themselves are in core.ts).
export default {
  'details': 'Details as recorded (in English)',
};
