import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildScenarioGrid, DEFAULT_GRID_PARAMS, zeroScenarioIndex } from './scenario-grid';
import { volShockScale } from './risk-array';

describe('the default scenario grid (Deribit-style portfolio margin)', () => {
  const grid = buildScenarioGrid();

  it('given the defaults, then spot moves -16%..+16% in 4 buckets per side plus zero, each with vol up/same/down', () => {
    const core = grid.scenarios.filter((s) => s.weight === 1);
    const moves = [...new Set(core.map((s) => s.spotShock))];
    assert.deepEqual(moves, [-0.16, -0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12, 0.16]);
    assert.equal(core.length, 27);
    assert.deepEqual(
      core.filter((s) => s.spotShock === 0.04).map((s) => s.volShock),
      ['up', 'same', 'down'],
    );
  });

  it('given the extended table, then far moves come with vol up at weight range/|move| (-66% at 24%, +500% at 3.2%)', () => {
    const extended = grid.scenarios.slice(27);
    assert.deepEqual(
      extended.map((s) => s.spotShock),
      [-0.66, -0.33, 0.5, 1, 2, 3, 4, 5],
    );
    assert.ok(extended.every((s) => s.volShock === 'up'));
    assert.equal(extended[0].weight.toFixed(4), '0.2424');
    assert.equal(extended[7].weight, 0.032);
  });

  it('given 30, 15, 1 and 120 days to expiry, then the vol shock scales by (30/DTE)^0.3 under 30 days and ^0.13 beyond', () => {
    assert.equal(volShockScale(30, DEFAULT_GRID_PARAMS), 1);
    assert.equal(volShockScale(15, DEFAULT_GRID_PARAMS), 2 ** 0.3);
    assert.equal(volShockScale(0.01, DEFAULT_GRID_PARAMS), 30 ** 0.3, 'floored at one day');
    assert.equal(volShockScale(120, DEFAULT_GRID_PARAMS), 0.25 ** 0.13);
  });

  it('given the same parameters twice, then the grid id is the same; other parameters give another id', () => {
    assert.equal(buildScenarioGrid().id, grid.id);
    assert.notEqual(buildScenarioGrid({ spotRange: 0.2 }).id, grid.id);
    assert.match(grid.id, /^grid-[0-9a-f]{8}$/);
  });

  it('given a grid, then exactly one scenario is the unchanged market', () => {
    const index = zeroScenarioIndex(grid);
    assert.deepEqual(grid.scenarios[index], { spotShock: 0, volShock: 'same', weight: 1 });
  });

  it('given nonsense parameters, then building the grid fails naming them', () => {
    assert.throws(() => buildScenarioGrid({ spotStepsPerSide: 0 }), /spotStepsPerSide/);
    assert.throws(() => buildScenarioGrid({ extendedMoves: [-1] }), /extended move/);
    assert.throws(() => buildScenarioGrid({ volRangeDown: 1 }), /volRangeDown/);
  });
});
