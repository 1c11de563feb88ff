// The verdicts and consistency warnings: one catalogue with the core (shared/locales/en/checks.ts).
export { default } from '../../../../../shared/locales/en/checks';
