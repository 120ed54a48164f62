// One lint setup for the whole monorepo. Focused or skipped tests never land (they hide failures).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const focusedOrSkipped = ['describe', 'it', 'test'].flatMap((object) =>
  ['only', 'skip'].map((property) => ({
    object,
    property,
    message: `${object}.${property} must not be committed`,
  })),
);

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
  {
    files: [
      'libs/ledger/**',
      'libs/pricing/**',
      'libs/contracts/**',
      'libs/risk/**',
      'libs/valuation/**',
      'libs/liquidation/**',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'kafkajs', 'typeorm', 'pg'] }],
    },
  },
);
