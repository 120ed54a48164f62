import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { btcConfig, btcIndex, feed, quote } from './spec-support';

// BTC at 65,000 from two sources; one of them suddenly prints 78,000 (+20%, beyond the 10% jump threshold).
describe('a 20% BTC spike on a feed that allows a single source', () => {
  const config = btcConfig({ index: { minSources: 1 } });
  const calm = [quote('coinbase', 65_000, 0), quote('binance', 65_000, 1)];
  // binance goes quiet; after 61 s only coinbase is fresh, and it prints the spike.
  const spike = [...calm, quote('coinbase', 78_000, 62)];

  it('given one source confirming the jump, then the index holds 65,000 and turns invalid', () => {
    const index = btcIndex(feed(config, spike).state);
    assert.equal(index.status, 'invalid');
    assert.equal(index.reason, 'unconfirmed-jump');
    assert.equal(index.value, 65_000);
  });

  it('given a second source printing the new level, then the jump is confirmed and the index moves', () => {
    const index = btcIndex(feed(config, [...spike, quote('binance', 77_900, 63)]).state);
    assert.equal(index.status, 'valid');
    assert.equal(index.value, 77_950);
  });

  it('given a move inside the threshold, then one source is enough', () => {
    const index = btcIndex(feed(config, [...calm, quote('coinbase', 70_000, 62)]).state);
    assert.deepEqual([index.status, index.value], ['valid', 70_000]);
  });

  it('given the last confirmed value older than the 5-minute jump window, then a new level is not a jump', () => {
    const index = btcIndex(feed(config, [...calm, quote('coinbase', 78_000, 400)]).state);
    assert.deepEqual([index.status, index.value], ['valid', 78_000]);
  });
});
