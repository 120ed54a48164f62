import fc from 'fast-check';
import { HostileTopic } from './hostile-topic';
import { Poison, poisonDecimal, poisonTimestamp, wrongType } from './poison';

/** An oracle observation as a price feed publishes it (plain JSON). */
export type WireQuote = Record<string, unknown>;

/** Valid index quotes: three sources on BTC, one per second from `startMs`, each source's times increasing. */
export function hostileQuoteFeed(startMs: number): HostileTopic<WireQuote> {
  const sources = ['feed-a', 'feed-b', 'feed-c'];
  const valid = (i: number) => ({
    key: 'BTC',
    message: {
      schemaVersion: 1,
      kind: 'index-quote',
      source: sources[i % 3],
      eventTime: new Date(startMs + i * 1000).toISOString(),
      underlying: 'BTC',
      price: String(65_000 + (i % 7)),
    },
  });
  const mutation = (label: string, change: (quote: WireQuote) => WireQuote) =>
    fc.constant((quote: WireQuote): Poison<WireQuote> => ({ label, value: { ...quote, ...change(quote) } }));
  return {
    valid,
    fields: { price: poisonDecimal, eventTime: poisonTimestamp, kind: wrongType, source: wrongType },
    // Schema-valid observations the fold must refuse, each counted by reason.
    domain: fc.oneof(
      mutation('future', () => ({ eventTime: '2199-01-01T00:00:00Z' })),
      mutation('unknown-underlying', () => ({ underlying: 'NOPE' })),
      mutation('out-of-range-price', () => ({ price: '99999999999999999999' })),
      mutation('tiny-price', () => ({ price: '0.000000000000000001' })),
      mutation('rate-of-nines', () => ({
        kind: 'redemption-rate',
        token: 'stETH',
        base: 'ETH',
        rate: '99999999999999999999',
        underlying: undefined,
        price: undefined,
      })),
    ),
  };
}
