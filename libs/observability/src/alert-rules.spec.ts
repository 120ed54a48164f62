import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { DELEVERAGING_METRICS, METRIC_NAMES } from './metric-names';

// An alert on a metric nobody exports never fires: every clearing_* name a rule reads must be declared.

function rulesDir(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'deploy', 'prometheus', 'rules'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('deploy/prometheus/rules not found above ' + from);
    dir = parent;
  }
  return join(dir, 'deploy', 'prometheus', 'rules');
}

const DECLARED = new Set([...METRIC_NAMES, ...Object.values(DELEVERAGING_METRICS).map((m) => m.name)]);

describe('alert rules read declared metrics only', () => {
  it('given deploy/prometheus/rules, then every clearing_* metric in an expression is in metric-names.ts', () => {
    const dir = rulesDir(__dirname);
    const rules = readdirSync(dir).filter((file) => file.endsWith('.yml'));
    assert.ok(rules.length > 0, 'no rule files');
    for (const file of rules) {
      const used = readFileSync(join(dir, file), 'utf8').match(/\bclearing_[a-z0-9_]+/g) ?? [];
      assert.deepEqual(
        used.filter((name) => !DECLARED.has(name)),
        [],
        file,
      );
    }
  });

  it('the solvency figures follow the naming conventions (USD unit suffix, no account label)', () => {
    for (const { name, labelNames } of Object.values(DELEVERAGING_METRICS)) {
      assert.match(name, /^clearing_[a-z0-9_]+_usd$/, name);
      assert.deepEqual([...labelNames], []);
    }
  });
});
