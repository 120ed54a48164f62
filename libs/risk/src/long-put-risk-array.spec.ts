import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildScenarioGrid } from './scenario-grid';
import { riskArray } from './risk-array';

// A 90-day ETH 2,500 put on a 3,000 forward at 70% vol: protection against a crash.
const PUT = {
  kind: 'option',
  type: 'put',
  forward: 3_000,
  strike: 2_500,
  years: 90 / 365,
  rate: 0,
  vol: 0.7,
  contractSize: 1,
} as const;

describe('risk array of one long 90-day ETH 2,500 put', () => {
  const grid = buildScenarioGrid();
  const array = riskArray(PUT, grid);

  it('given the -66% extended move, then the put pays about its intrinsic value gain (strike - 1,020)', () => {
    const crash = array[grid.scenarios.findIndex((s) => s.spotShock === -0.66)];
    assert.ok(crash > 2_500 - 1_020 - 300, `crash P&L ${crash}`);
  });

  it('given spot rising, then the P&L falls monotonically for each vol shock', () => {
    for (const volShock of ['up', 'same', 'down'] as const) {
      const row = grid.scenarios.flatMap((s, i) =>
        s.volShock === volShock && s.weight === 1 ? [array[i]] : [],
      );
      row.slice(1).forEach((value, i) => assert.ok(value < row[i], `${volShock}: ${row}`));
    }
  });
});
