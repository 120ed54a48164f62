import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { black76 } from '@clearing/pricing';
import { buildScenarioGrid, Scenario } from './scenario-grid';
import { riskArray, volShockScale } from './risk-array';

// A 10-day 65,000 call on BTC at 60,000 forward, 55% vol: short-dated, so vol shocks are amplified.
const CALL = {
  kind: 'option',
  type: 'call',
  forward: 60_000,
  strike: 65_000,
  years: 10 / 365,
  rate: 0,
  vol: 0.55,
  contractSize: 1,
} as const;

describe('risk array of one long 10-day BTC 65,000 call', () => {
  const grid = buildScenarioGrid();
  const array = riskArray(CALL, grid);
  const pnl = (spotShock: number, volShock: Scenario['volShock']) =>
    array[grid.scenarios.findIndex((s) => s.spotShock === spotShock && s.volShock === volShock)];

  it('given the unchanged market, then the P&L is exactly zero', () => {
    assert.equal(pnl(0, 'same'), 0);
  });

  it('given spot +16% with vol unchanged, then the P&L is the Black-76 revaluation at forward 69,600', () => {
    const base = black76({ ...CALL }).price;
    const shocked = black76({ ...CALL, forward: 69_600 }).price;
    assert.equal(pnl(0.16, 'same'), shocked - base);
  });

  it('given vol up at 10 days, then vol is 55% x (1 + 0.5 x 3^0.3) and the long call gains', () => {
    const upVol = 0.55 * (1 + 0.5 * volShockScale(10, grid.params));
    const expected = black76({ ...CALL, vol: upVol }).price - black76({ ...CALL }).price;
    assert.ok(Math.abs(pnl(0, 'up') - expected) < 1e-9);
    assert.ok(pnl(0, 'up') > 0 && pnl(0, 'down') < 0);
  });

  it('given spot falls, then the long call never loses more than its premium', () => {
    const premium = black76({ ...CALL }).price;
    assert.ok(array.every((value) => value >= -premium - 1e-9));
    assert.ok(pnl(-0.16, 'down') > -premium);
  });
});
