// One lint setup for the whole monorepo. Focused or skipped tests never land (they hide failures).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const focusedOrSkipped = ['describe', 'it', 'test'].flatMap((object) =>
  ['only', 'skip'].map((property) => ({
    object,
    property,
    message: `${object}.${property} must not be committed`,
  })),
);

// Apps import only libs (@clearing/*): what two apps share lives in a lib, so each service changes on its own.
// Relative imports cannot name an app without climbing into apps/ (or going through the root's apps/).
const APPS = readdirSync(new URL('./apps/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const throughApps = {
  regex: '(^|/)apps(/|$)',
  message: 'import what apps share from a lib (@clearing/*), never from apps/',
};
const intoOtherApp = (app) => ({
  regex: `^(\\.\\./)+(${APPS.filter((other) => other !== app).join('|')})(/|$)`,
  message: `apps/${app} imports only libs (@clearing/*): move what it shares with another app into a lib`,
});
const FRAMEWORK_FREE = {
  group: ['@nestjs/*', 'kafkajs', 'typeorm', 'pg'],
  message: 'a domain lib stays framework-free: I/O and Nest glue live in apps or service libs',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.infra/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-properties': ['error', ...focusedOrSkipped],
      'no-restricted-globals': [
        'error',
        { name: 'parseFloat', message: 'never for money: use the ledger Amount parser' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'max-lines-per-function': ['warn', { max: 70, skipBlankLines: true, skipComments: true }],
    },
  },
  ...APPS.map((app) => ({
    files: [`apps/${app}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughApps, intoOtherApp(app)] }] },
  })),
  {
    files: ['libs/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughApps] }] },
  },
  {
    // Later blocks replace a rule's options, so the framework-free libs repeat the apps/ restriction.
    files: [
      'libs/ledger/**',
      'libs/pricing/**',
      'libs/contracts/**',
      'libs/risk/**',
      'libs/valuation/**',
      'libs/liquidation/**',
      'libs/margin-engine/**',
    ],
    // The margin calculator's Nest glue (@clearing/margin-engine/service) is the one service part of a domain lib.
    ignores: ['libs/margin-engine/src/service/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FRAMEWORK_FREE, throughApps] }] },
  },
);
