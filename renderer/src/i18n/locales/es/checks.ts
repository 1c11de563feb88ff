// The verdicts and consistency warnings: one catalogue with the core (shared/locales/es/checks.ts).
export { default } from '../../../../../shared/locales/es/checks';
