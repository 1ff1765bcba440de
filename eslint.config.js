import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Imports go one way only, down the layers in docs/design.md:
// model → deck → store → scene → ui → presenter/explore → App.
const above = (...layers) => layers.map((l) => `**/${l}/**`);
const uiLibs = ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'framer-motion', 'd3-*'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    // The reveal.js plugin is an ES module that a host deck imports as it is.
    files: ['public/inbound-reveal.js'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['app/model/**'],
    rules: {
      ...restrict(
        [...uiLibs, ...above('deck', 'store', 'scene', 'ui', 'presenter', 'explore')],
        'app/model is pure TypeScript: no React, no store, no DOM, nothing from a layer above it.',
      ),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'location', 'HTMLElement'].map(
          (name) => ({
            name,
            message: 'app/model runs in Node as it is: no DOM.',
          }),
        ),
      ],
    },
  },
  {
    files: ['app/deck/**'],
    rules: restrict(
      [...uiLibs, ...above('store', 'scene', 'ui', 'presenter', 'explore')],
      'app/deck is the talk as data: it may use app/model only.',
    ),
  },
  {
    files: ['app/store/**'],
    rules: restrict(
      ['react-dom', 'framer-motion', 'd3-*', ...above('scene', 'ui', 'presenter', 'explore')],
      'app/store sits below the views: it may use model and deck only.',
    ),
  },
  {
    files: ['app/scene/**'],
    rules: restrict(
      above('ui', 'presenter', 'explore'),
      'app/scene draws the diagram; it must not reach up into the chrome.',
    ),
  },
  {
    // The scene's pure half: layout, routes, placement, the frame of a step and the flight
    // plan. D3 computes here; nothing draws. React and framer-motion stay in app/scene/*.tsx.
    files: ['app/scene/core/**'],
    rules: {
      ...restrict(
        [
          'react',
          'react-dom',
          'react/*',
          'zustand',
          'zustand/*',
          'framer-motion',
          '../[A-Z]*',
          '../motion*',
          '../shares-text',
          ...above('store', 'ui', 'presenter', 'explore'),
        ],
        'app/scene/core is pure TypeScript (model, deck and D3 only): React draws in app/scene.',
      ),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'location'].map((name) => ({
          name,
          message: 'app/scene/core runs in Node as it is: no DOM.',
        })),
      ],
    },
  },
  {
    files: ['app/embed/**'],
    rules: restrict(
      above('presenter', 'explore'),
      'app/embed is the stage alone: it may use the chrome below it, not the other views.',
    ),
  },
  {
    files: ['app/ui/**'],
    rules: restrict(above('presenter', 'explore'), 'app/ui must not import the views above it.'),
  },
);
