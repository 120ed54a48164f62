import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { btcConfig, btcIndex, feed, quote } from './spec-support';

// A feed handler bug sends NaN, Infinity, zero and a negative price for BTC.
describe('NaN, infinite, zero and negative BTC quotes', () => {
  const config = btcConfig();
  const good = [quote('coinbase', 65_000, 0), quote('binance', 65_010, 1)];
  const bad = [
    quote('kraken', NaN, 2),
    quote('kraken', Infinity, 3),
    quote('kraken', 0, 4),
    quote('kraken', -65_000, 5),
    { ...quote('kraken', 65_000, 6), eventTimeMs: NaN },
  ];
  const result = feed(config, [...good, ...bad]);

  it('given each, then it is rejected and counted by reason', () => {
    assert.deepEqual(result.rejections, [
      'non-finite',
      'non-finite',
      'non-positive',
      'non-positive',
      'non-finite',
    ]);
  });

  it('given the rejections, then the state is exactly what the good quotes made it', () => {
    assert.deepEqual(result.state, feed(config, good).state);
    assert.equal(btcIndex(result.state).value, 65_005);
  });
});
