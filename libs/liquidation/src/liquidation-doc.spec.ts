import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_LIQUIDATION_PARAMS } from './params';

// docs/LIQUIDATION.md publishes worked examples and defaults (issue 12: the published examples must be
// specs that pass). Each example names its spec; this keeps the names and the defaults honest.

function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'docs', 'LIQUIDATION.md'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('docs/LIQUIDATION.md not found above ' + from);
    dir = parent;
  }
  return dir;
}

const root = repoRoot(__dirname);
const doc = readFileSync(join(root, 'docs', 'LIQUIDATION.md'), 'utf8');

/** Every spec source under libs/ and apps/, by file name. */
const specFiles = new Set(
  ['libs', 'apps'].flatMap((top) =>
    readdirSync(join(root, top), { recursive: true, encoding: 'utf8' })
      .filter((path) => /spec\.ts$/.test(path))
      .map((path) => path.split('/').pop()!),
  ),
);

/** The cell after `name` in the Parameters table. */
const defaultOf = (name: string): string | undefined =>
  doc
    .split('\n')
    .find((line) => line.startsWith(`| ${name} `))
    ?.split('|')[2]
    .trim();

const ppmText = (ppm: bigint): string => Number(ppm).toLocaleString('en-US');

describe('docs/LIQUIDATION.md: every published example is a spec, every default is the code', () => {
  it('each spec the document names exists (so its example runs in the unit or e2e tier)', () => {
    const named = [...new Set([...doc.matchAll(/`([a-z0-9.-]+(?:\.|-)spec\.ts)`/g)].map((m) => m[1]))];
    assert.ok(named.length >= 10, `only ${named.length} specs named`);
    assert.deepEqual(
      named.filter((name) => !specFiles.has(name)),
      [],
    );
  });

  it('the Parameters table shows DEFAULT_LIQUIDATION_PARAMS', () => {
    const { pricing, targetImPpm, throttle } = DEFAULT_LIQUIDATION_PARAMS;
    assert.match(
      defaultOf('towardBankruptcyPpm') ?? '',
      new RegExp(`^${ppmText(pricing.towardBankruptcyPpm)} `),
    );
    assert.match(defaultOf('feePpm') ?? '', new RegExp(`^${ppmText(pricing.feePpm)} `));
    assert.match(defaultOf('targetImPpm') ?? '', new RegExp(`^${ppmText(targetImPpm)} `));
    const fractionPercent = Number(throttle.baseFractionPpm) / 10_000;
    assert.equal(
      defaultOf('throttle'),
      `${fractionPercent}% per round, ${throttle.baseCooldownMs / 1000} s, x${throttle.escalation}, >= ${throttle.minCooldownMs / 1000} s`,
    );
  });
});
