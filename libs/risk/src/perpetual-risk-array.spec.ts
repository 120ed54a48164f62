import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildScenarioGrid } from './scenario-grid';
import { riskArray } from './risk-array';

describe('risk array of one long BTC-PERP contract marked at 60,000 USD', () => {
  const grid = buildScenarioGrid();
  const array = riskArray({ kind: 'linear', price: 60_000, contractSize: 1 }, grid);

  it('given a 16% drop, then one contract loses 9,600 USD whatever the vol does', () => {
    const drops = grid.scenarios.flatMap((s, i) => (s.spotShock === -0.16 ? [array[i]] : []));
    assert.deepEqual(drops, [-9600, -9600, -9600]);
  });

  it('given a +500% far move, then it gains 300,000 USD (margin counts it at 3.2%)', () => {
    assert.equal(array[grid.scenarios.length - 1], 300_000);
  });

  it('given a contract of 0.001 BTC, then every entry scales by the contract size', () => {
    const small = riskArray({ kind: 'linear', price: 60_000, contractSize: 0.001 }, grid);
    small.forEach((pnl, i) => assert.ok(Math.abs(pnl - array[i] * 0.001) < 1e-9));
  });
});
