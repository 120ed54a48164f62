import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

/** The checkout, from this compiled file (dist/apps/cli/src/lint): eslint.config.mjs is read from there. */
const ROOT = path.resolve(__dirname, '../../../../..');
const eslint = new ESLint({ cwd: ROOT });

/** What the repository's own lint config says of one import written in a file at `file`. */
async function restrictedImports(file: string, specifier: string): Promise<string[]> {
  const source = `import { x } from '${specifier}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: apps import only libs', () => {
  const refused: [file: string, specifier: string][] = [
    // The imports this rule replaced: the deleveraging engine reaching into the margin calculator...
    [
      'apps/deleveraging-engine/src/deleveraging.module.ts',
      '../../margin-calculator/src/engine/owned-accounts',
    ],
    ['apps/deleveraging-engine/src/cases/case-driver.ts', '../../../margin-calculator/src/margin.settings'],
    // ...the CLI into the aggregator, an app's spec into the CLI, re-exports too
    [
      'apps/cli/src/replay/replay-journal.ts',
      '../../../position-aggregator/src/projection/journal-projector',
    ],
    ['apps/position-aggregator/src/netting-on-time.e2e-spec.ts', '../../cli/src/verify/verify-clearing'],
    // through the root (tsconfig's baseUrl), from bench and from a lib
    ['apps/cli/src/infra/deployed-services.ts', 'apps/clearing-api/src/app.module'],
    ['bench/aggregator-throughput.bench.ts', '../apps/position-aggregator/src/aggregator-fixture'],
    ['libs/testing/src/services/margin-fixture.ts', '../../../../apps/margin-calculator/src/main'],
  ];
  for (const [file, specifier] of refused) {
    it(`refuses '${specifier}' in ${file}`, async () => {
      const messages = await restrictedImports(file, specifier);
      assert.equal(
        messages.length,
        1,
        `expected one no-restricted-imports error, got ${messages.join('; ')}`,
      );
      assert.match(messages[0], /lib \(@clearing\/\*\)|a lib/);
    });
  }

  const allowed: [file: string, specifier: string][] = [
    ['apps/deleveraging-engine/src/deleveraging.module.ts', '@clearing/margin-engine/service'],
    ['apps/deleveraging-engine/src/cases/case-driver.ts', '../state/ledger-view'],
    ['apps/cli/src/commands/db.ts', '../../../../migrations'],
    ['bench/support/aggregator-pass.ts', './bench-book'],
    ['libs/margin-engine/src/service/owned-accounts.ts', 'kafkajs'],
  ];
  for (const [file, specifier] of allowed) {
    it(`allows '${specifier}' in ${file}`, async () => {
      assert.deepEqual(await restrictedImports(file, specifier), []);
    });
  }

  it('still keeps the domain libs framework-free (the rules above did not replace that one)', async () => {
    assert.equal((await restrictedImports('libs/ledger/src/money.ts', '@nestjs/common')).length, 1);
    assert.equal((await restrictedImports('libs/margin-engine/src/margin-engine.ts', 'kafkajs')).length, 1);
  });
});
