// English validation texts are the core's own (shared/zod-messages.ts), so the UI and the command line agree.
import { ENGLISH_VALIDATION } from '../../../../../shared/zod-messages';
import { ENGLISH_SCHEMA } from '../../../../../shared/schema-messages';

export default {
  ...ENGLISH_VALIDATION,
  ...ENGLISH_SCHEMA,
  // Numbers typed in a field (shared/locale-number.ts reports them by code).
  'number.negative': 'Cannot be negative',
  'number.notNumber': 'Type a number such as {{example}}',
  'number.exponent': 'Type the number in full, without an exponent (for example {{example}})',
  'number.digitsOnly': 'Not a number: type digits only, such as {{example}}',
  'number.decimalOnce': 'Use “{{decimal}}” only once, before the decimals ({{example}})',
  'number.decimalDigits': 'Write decimals after “{{decimal}}” with digits only ({{example}})',
  'number.grouping': 'Not read as a number here: “{{group}}” separates thousands and “{{decimal}}” starts the decimals ({{example}})',
  'number.groupingSpace': 'Not read as a number here: a space separates thousands and “{{decimal}}” starts the decimals ({{example}})',
  'number.whole': 'Whole number only',
  'number.atLeast': 'At least {{min}}',
  'number.atMost': 'At most {{max}}',
  'number.atLeastUnit': 'At least {{min}} {{unit}}',
  'number.atMostUnit': 'At most {{max}} {{unit}}',
} as Record<string, string>;
