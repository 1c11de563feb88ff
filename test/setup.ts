// jest-dom matchers only matter in jsdom tests; importing them is harmless in Node tests.
import '@testing-library/jest-dom/vitest';
