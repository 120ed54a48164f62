import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createOracleConfig } from './oracle-config';
import { BTC_PERP, btcIndex, feed, quote } from './spec-support';

// BTC from three exchanges, quotes fresh for 60 s of event time; kraken's feed freezes at 65,300.
describe('a BTC index whose kraken feed freezes', () => {
  // ETH is named so its quote is taken: the oracle refuses quotes for underlyings it does not know.
  const config = createOracleConfig([BTC_PERP], { underlyings: { ETH: {} } });
  const opening = [quote('coinbase', 65_000, 0), quote('binance', 65_010, 1), quote('kraken', 65_300, 2)];

  it('given all three fresh, then the index is their median', () => {
    const { state } = feed(config, opening);
    assert.equal(btcIndex(state).value, 65_010);
    assert.equal(btcIndex(state).confidence.sourcesUsed, 3, 'kraken is 0.45% above: inside the 2% band');
  });

  it('given kraken silent for more than 60 s while the others trade, then it drops out and is counted stale', () => {
    const { state } = feed(config, [...opening, quote('coinbase', 65_100, 70), quote('binance', 65_120, 71)]);
    const index = btcIndex(state);
    assert.equal(index.status, 'valid');
    assert.equal(index.value, 65_110);
    assert.equal(index.confidence.sourcesStale, 1);
    assert.equal(index.confidence.sourcesKnown, 3);
  });

  it('given a quote that arrives more than 60 s behind the event-time clock, then it is rejected as stale', () => {
    const { state, rejections } = feed(config, [
      ...opening,
      quote('binance', 65_100, 100),
      quote('kraken', 64_000, 30),
    ]);
    assert.deepEqual(rejections, ['stale']);
    assert.equal(
      state.indexes.get('BTC')!.quotes.get('kraken')!.value,
      65_300,
      'the frozen quote is kept, not replaced',
    );
  });

  it('given a source sending an older quote than its last, then it is rejected as out of order', () => {
    const { rejections } = feed(config, [...opening, quote('coinbase', 64_000, -1)]);
    assert.deepEqual(rejections, ['out-of-order']);
  });

  it('given every source silent past 60 s (the clock moved on through an ETH quote), then the index is invalid and held', () => {
    const { state } = feed(config, [...opening, quote('coinbase', 3_000, 200, 'ETH')]);
    const index = btcIndex(state);
    assert.equal(index.status, 'invalid');
    assert.equal(index.reason, 'no-fresh-source');
    assert.equal(index.value, 65_010, 'the last confirmed value is held for reference');
  });
});
