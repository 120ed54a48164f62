import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { btcConfig, btcIndex, feed, quote } from './spec-support';

// Four BTC sources; one thin venue prints 8% below the others (the Mango / dYdX YFI pattern).
describe('a BTC index with one source printing 8% low', () => {
  const config = btcConfig();
  const quotes = [
    quote('coinbase', 65_000, 0),
    quote('binance', 65_020, 0),
    quote('kraken', 64_980, 1),
    quote('thin-venue', 59_800, 2),
  ];
  const index = btcIndex(feed(config, quotes).state);

  it('given the quote beyond the 2% band from the median, then it is dropped and the median retaken', () => {
    assert.equal(index.status, 'valid');
    assert.equal(index.value, 65_000);
  });

  it('given the drop, then the confidence says one outlier and how tightly the rest agree', () => {
    assert.equal(index.confidence.sourcesUsed, 3);
    assert.equal(index.confidence.sourcesOutlying, 1);
    assert.equal(index.confidence.dispersion, 40 / 65_000);
    assert.equal(index.confidence.stalenessMs, 2_000, 'the oldest quote used is 2 s old');
  });

  it('given two sources that disagree by more than the band, then neither is trusted', () => {
    const split = btcIndex(feed(config, [quote('coinbase', 65_000, 0), quote('binance', 72_000, 1)]).state);
    assert.equal(split.status, 'invalid');
    assert.equal(split.reason, 'too-few-sources');
  });
});
