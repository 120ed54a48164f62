import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { median } from './median';
import { readFeed } from './feed';
import { DEFAULT_FEED_PARAMS } from './params';
import { markAll } from './marks';
import { replay } from './evolve';
import { IndexObservation } from './observation';
import { at, btcConfig } from './spec-support';

const price = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('oracle invariants', () => {
  it('given fewer than half the values corrupted arbitrarily, then the median stays within the honest range', () => {
    fc.assert(
      fc.property(
        fc.array(price(60_000, 70_000), { minLength: 3, maxLength: 15 }),
        fc.array(price(1e-6, 1e12), { maxLength: 14 }),
        (honest, corrupt) => {
          const liars = corrupt.slice(0, Math.ceil(honest.length / 2) - 1);
          const m = median([...honest, ...liars]);
          return m >= Math.min(...honest) && m <= Math.max(...honest);
        },
      ),
    );
  });

  it('given a majority of fresh sources within the band, then the index is valid and within their range', () => {
    fc.assert(
      fc.property(
        fc.array(price(64_900, 65_100), { minLength: 3, maxLength: 9 }),
        fc.array(price(1, 1e9), { maxLength: 4 }),
        (honest, corrupt) => {
          const liars = corrupt.slice(0, Math.ceil(honest.length / 2) - 1);
          const quotes = [...honest, ...liars].map((value, i) => ({
            source: `s${i}`,
            value,
            eventTimeMs: 0,
          }));
          const reading = readFeed(quotes, 0, DEFAULT_FEED_PARAMS, undefined);
          return (
            reading.status === 'valid' &&
            reading.value! >= Math.min(...honest) &&
            reading.value! <= Math.max(...honest)
          );
        },
      ),
    );
  });

  it('given any sequence of quotes, then replaying it reproduces the same marks (state is a fold of events)', () => {
    const observation = fc.record({
      source: fc.constantFrom('coinbase', 'binance', 'kraken'),
      price: price(50_000, 80_000),
      seconds: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 60 }), (drawn) => {
        const config = btcConfig({ index: { minSources: 1 } });
        const inputs = drawn.map(
          ({ source, price: value, seconds }): IndexObservation => ({
            kind: 'index-quote',
            source,
            underlying: 'BTC',
            price: value,
            eventTimeMs: at(seconds),
            receivedAtMs: at(seconds),
          }),
        );
        const cut = Math.floor(inputs.length / 2);
        const inOneGo = replay(inputs, config);
        const inTwoParts = replay(inputs.slice(cut), config, replay(inputs.slice(0, cut), config));
        assert.deepEqual(markAll(inTwoParts, config), markAll(inOneGo, config));
        assert.deepEqual(markAll(replay(inputs, config), config), markAll(inOneGo, config));
      }),
    );
  });
});
