// The verdicts and consistency warnings: one catalogue with the core (shared/locales/fr/checks.ts).
export { default } from '../../../../../shared/locales/fr/checks';
