// The core's refusals, progress and template problems: one catalogue with the core (shared/locales/es/core.ts).
export { default } from '../../../../../shared/locales/es/core';
