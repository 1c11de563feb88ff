// The core's refusals, progress and template problems: one catalogue with the core (shared/locales/fr/core.ts).
export { default } from '../../../../../shared/locales/fr/core';
