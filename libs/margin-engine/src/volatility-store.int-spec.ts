import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DatabaseFixture } from '@clearing/testing';
import { MIGRATIONS } from '../../../migrations';
import { VolatilitySnapshot } from './market-state';
import { loadVolatility, saveVolatility } from './volatility-store';

// The EWMA state a restarted calculator restores must be the one it persisted, bit for bit, and a
// late writer (an instance still folding older marks) must never move it back.
const ETH: VolatilitySnapshot = {
  asset: 'ETH',
  lambda: 0.94,
  periodMs: 86_400_000,
  period: 20_417,
  variance: 0.0012345678901234567,
  lastPrice: 3_012.3456789,
  observations: 30,
};

describe('collateral_volatility', () => {
  const database = new DatabaseFixture(MIGRATIONS);
  before(() => database.open());
  after(() => database.close());

  it('given a state saved, then it loads back exactly (float8 keeps every bit of a JS number)', async () => {
    await saveVolatility(database.dataSource, [ETH]);
    assert.deepEqual(await loadVolatility(database.dataSource), [ETH]);
  });

  it('given a later period, then it replaces the row; given an earlier one afterwards, then the row stays', async () => {
    const later = { ...ETH, period: ETH.period + 1, variance: 0.002, observations: 31 };
    await saveVolatility(database.dataSource, [later]);
    await saveVolatility(database.dataSource, [ETH]);
    assert.deepEqual(await loadVolatility(database.dataSource), [later]);
  });
});
