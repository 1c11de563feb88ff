// Lint, and the process boundaries of DESIGN.md as rules:
// shared/ imports nothing platform-specific, renderer/ never imports
// electron/ or Node, and only electron/shell/ imports 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'stream', 'url', 'zlib', 'worker_threads'];
const pattern = (group, message) => ({ group, message });
// One SHA-256 helper on the Node side (electron/core/sha256.ts): hashing elsewhere goes through it.
const oneSha256 = ['node:crypto', 'crypto'].map((name) => ({ name, importNames: ['createHash', 'hash'], message: 'Hash with sha256Hex, sha256Digest or sha256Stream from electron/core/sha256.ts.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'test/e2e/output/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron', 'electron/*'], 'shared/ must not import electron.'),
        pattern(nodeBuiltins, 'shared/ must not import Node built-ins.'),
        pattern(['react', 'react-dom', 'react-dom/*'], 'shared/ must not import the DOM or React.'),
        pattern(['**/electron/**', '**/renderer/**'], 'shared/ imports only from shared/ and platform-free packages.'),
      ] }],
    },
  },
  {
    files: ['renderer/src/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron', 'electron/*'], 'renderer/ talks to the app only through the typed client.'),
        pattern(['**/electron/**'], 'renderer/ must not import electron/.'),
        pattern(nodeBuiltins, 'renderer/ must not import Node built-ins.'),
      ] }],
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: oneSha256, patterns: [
        pattern(['electron', 'electron/*'], "Only electron/shell/ imports 'electron'; the core is plain Node."),
        pattern(['**/renderer/**'], 'electron/ must not import renderer/.'),
      ] }],
    },
  },
  {
    files: ['electron/shell/**'],
    rules: { 'no-restricted-imports': ['error', { paths: oneSha256 }] },
  },
  {
    // The one place node:crypto's hashes are called from.
    files: ['electron/core/sha256.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
