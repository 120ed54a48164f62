import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildScenarioGrid, zeroScenarioIndex } from './scenario-grid';
import { OptionRiskInput, riskArray } from './risk-array';

const grid = buildScenarioGrid();
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const option = (type: 'call' | 'put') =>
  fc
    .record({
      forward: finite(100, 100_000),
      moneyness: finite(0.5, 2),
      years: finite(1 / 365, 2),
      rate: finite(-0.01, 0.1),
      vol: finite(0.05, 2),
    })
    .map(
      ({ moneyness, ...rest }): OptionRiskInput => ({
        ...rest,
        kind: 'option',
        type,
        strike: rest.forward * moneyness,
        contractSize: 1,
      }),
    );

/** Scenario P&L of a portfolio: quantities dotted with risk arrays, as margin computes it. */
const portfolioPnl = (legs: { quantity: number; array: number[] }[]) =>
  grid.scenarios.map((_, s) => legs.reduce((sum, leg) => sum + leg.quantity * leg.array[s], 0));

describe('risk array invariants', () => {
  it('given any option, then the unchanged-market scenario has P&L exactly 0', () => {
    fc.assert(fc.property(option('call'), (call) => riskArray(call, grid)[zeroScenarioIndex(grid)] === 0));
  });

  it('given a long and an equal short of the same option, then every scenario nets to zero', () => {
    fc.assert(
      fc.property(option('put'), fc.integer({ min: 1, max: 1000 }), (put, quantity) => {
        const array = riskArray(put, grid);
        const net = portfolioPnl([
          { quantity, array },
          { quantity: -quantity, array },
        ]);
        return net.every((pnl) => pnl === 0);
      }),
    );
  });

  it('given a long call and a short put of the same strike, then the array is that of a discounted forward (parity)', () => {
    fc.assert(
      fc.property(option('call'), (call) => {
        const put: OptionRiskInput = { ...call, type: 'put' };
        const synthetic = portfolioPnl([
          { quantity: 1, array: riskArray(call, grid) },
          { quantity: -1, array: riskArray(put, grid) },
        ]);
        const discount = Math.exp(-call.rate * call.years);
        return synthetic.every((pnl, s) => {
          const expected = discount * call.forward * grid.scenarios[s].spotShock;
          return Math.abs(pnl - expected) <= 1e-9 * call.forward * 6;
        });
      }),
    );
  });

  it('given a linear position, then its P&L does not depend on the vol shock and rises with the spot move', () => {
    fc.assert(
      fc.property(finite(0.01, 1e6), finite(1e-4, 100), (price, contractSize) => {
        const array = riskArray({ kind: 'linear', price, contractSize }, grid);
        const bySpot = new Map<number, Set<number>>();
        grid.scenarios.forEach((s, i) =>
          bySpot.set(s.spotShock, (bySpot.get(s.spotShock) ?? new Set()).add(array[i])),
        );
        const moves = [...bySpot.keys()].sort((a, b) => a - b);
        assert.ok([...bySpot.values()].every((pnls) => pnls.size === 1));
        moves
          .slice(1)
          .forEach((move, i) => assert.ok([...bySpot.get(move)!][0] > [...bySpot.get(moves[i])!][0]));
      }),
    );
  });
});
