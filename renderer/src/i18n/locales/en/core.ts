// The core's refusals, progress and template problems: one catalogue with the core (shared/locales/en/core.ts).
export { default } from '../../../../../shared/locales/en/core';
