// jest-dom matchers only matter in jsdom tests; importing them is harmless in Node tests.
import '@testing-library/jest-dom/vitest';
import { initI18n } from '../renderer/src/i18n';

// Component tests read the English texts.
initI18n('en');
