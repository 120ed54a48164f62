// Test support: a multi-underlying book (BTC and ETH perps, a BTC future, an ETH option) on USDC and
// de-pegged stETH collateral, as a matching engine, price feeds and a staking oracle publish it.
import {
  DeleveragingFixture,
  depositMessage,
  fillMessage,
  indexQuoteMessages,
  publishRaw,
  signedByAdmin,
} from '@clearing/testing';

export const WHALE = 'whale';
export const ACCOUNTS = [WHALE, 'maker', 'BACKSTOP'];
export const OPTION_EXPIRY = '2026-12-25T08:00:00Z';
/** stETH trades at 2,950 but redeems for 0.97 ETH: worth min(2,950, 0.97 x 3,000) = 2,910. */
export const REDEMPTION_RATE = '0.97';

let published = 0;
/** Each price batch 5 s after the previous one in event time, as live feeds stamp them. */
const nextEventTime = () => new Date(Date.now() + 5_000 * published++).toISOString();

/** Index quotes of BTC, ETH and stETH from three feeds, stETH's redemption rate and an ETH smile point. */
export async function publishPrices(
  system: DeleveragingFixture,
  usd: { BTC: string; ETH: string; stETH: string },
): Promise<void> {
  const at = nextEventTime();
  const three = (price: string) => ({ coinbase: price, kraken: price, bitstamp: price });
  const raw = (value: object) => ({
    key: 'stETH',
    value: JSON.stringify({ schemaVersion: 1, eventTime: at, ...value }),
  });
  await publishRaw(system.kafka.kafka, system.topics.oraclePrices, [
    ...indexQuoteMessages('BTC', at, three(usd.BTC)),
    ...indexQuoteMessages('ETH', at, three(usd.ETH)),
    ...indexQuoteMessages('stETH', at, three(usd.stETH)),
    raw({ source: 'lido', kind: 'redemption-rate', token: 'stETH', base: 'ETH', rate: REDEMPTION_RATE }),
    {
      ...raw({
        source: 'deribit',
        kind: 'implied-vol',
        underlying: 'ETH',
        expiry: OPTION_EXPIRY,
        strike: '4000',
        iv: '0.7',
      }),
      key: 'ETH',
    },
  ]);
}

/** The whale's collateral (25,000 USDC, 5 stETH), the maker's and the backstop's. */
export async function fund(system: DeleveragingFixture): Promise<void> {
  await publishRaw(system.kafka.kafka, system.topics.ledgerCommands, [
    depositMessage(WHALE, '25000'),
    depositMessage(WHALE, '5', 'stETH'),
    depositMessage('maker', '5000000'),
    signedByAdmin(depositMessage('BACKSTOP', '5000000')),
  ]);
}

/**
 * Long 30 ETH-PERP and 10 ETH calls (strike 4,000), and a BTC basis trade: long 1 BTC-PERP, short 1
 * BTC-27MAR26, whose two legs portfolio margin nets and standard margin charges one by one.
 */
export async function openBook(system: DeleveragingFixture): Promise<void> {
  const fill = (instrument: string, price: string, quantity: string, whaleBuys: boolean) =>
    fillMessage({
      fillId: `f-${instrument}`,
      instrument,
      price,
      quantity,
      buyer: whaleBuys ? WHALE : 'maker',
      seller: whaleBuys ? 'maker' : WHALE,
    });
  await publishRaw(system.kafka.kafka, system.topics.fills, [
    fill('ETH-PERP', '3000', '30', true),
    fill('ETH-25DEC26-4000-C', '20', '10', true),
    fill('BTC-PERP', '60000', '1', true),
    fill('BTC-27MAR26', '60900', '1', false),
  ]);
}
