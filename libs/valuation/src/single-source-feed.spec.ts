import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { btcConfig, btcIndex, feed, quote } from './spec-support';

// Only coinbase quotes BTC (the others are down).
describe('a BTC index with a single live source', () => {
  const only = [quote('coinbase', 65_000, 0), quote('coinbase', 65_050, 5)];

  it('given the default minimum of two sources, then the index is invalid: one venue alone cannot mark', () => {
    const index = btcIndex(feed(btcConfig(), only).state);
    assert.equal(index.status, 'invalid');
    assert.equal(index.reason, 'too-few-sources');
    assert.equal(index.value, undefined, 'never confirmed, so nothing to hold');
    assert.equal(index.confidence.sourcesUsed, 1);
  });

  it('given an underlying configured for one source, then its latest quote is the index', () => {
    const index = btcIndex(feed(btcConfig({ index: { minSources: 1 } }), only).state);
    assert.deepEqual([index.status, index.value], ['valid', 65_050]);
  });
});
