import { indexQuoteMessages } from '@clearing/testing';

type Message = { key: string; value: string };
export type IndexUsd = Readonly<Record<'BTC' | 'ETH' | 'stETH', number>>;

/** Where in the run (fraction of its duration) the crash happens: after the book is built. */
export const CRASH_AT = 0.4;
const BEFORE: IndexUsd = { BTC: 60_000, ETH: 3_000, stETH: 2_950 };
const AFTER: IndexUsd = { BTC: 50_000, ETH: 2_500, stETH: 2_450 };
const OPTION_EXPIRY = '2026-12-25T08:00:00Z';
const FUNDING_PERIOD_MS = 8 * 3_600_000;
/** The stale feed stamps its quotes this far in the past (older than any index's max age). */
const STALE_FEED_LAG_MS = 10 * 60_000;
/** The outlying feed quotes this far above the others (beyond the index's deviation band). */
const OUTLIER_FACTOR = 1.25;

/**
 * The index path at `progress` (0..1 of the run): a gentle swing of ±0.2 % before the crash, then a
 * gap of -16.7 % on BTC and ETH (stETH with them) that every fresh feed confirms at once.
 */
export function indexAt(progress: number): IndexUsd {
  const base = progress < CRASH_AT ? BEFORE : AFTER;
  const swing = 1 + 0.002 * Math.sin(progress * 40);
  return { BTC: round(base.BTC * swing), ETH: round(base.ETH * swing), stETH: round(base.stETH * swing) };
}

const round = (usd: number) => Math.round(usd * 100) / 100;

/**
 * One round of every price feed at `nowMs`: three exchanges agreeing within a few dollars, okx quoting
 * an outlier (dropped from the median), bitfinex a stale quote (refused as stale), Lido's stETH
 * redemption rate and an implied-vol point for each traded option.
 */
export function oracleRound(index: IndexUsd, nowMs: number): Message[] {
  const at = new Date(nowMs).toISOString();
  const stale = new Date(nowMs - STALE_FEED_LAG_MS).toISOString();
  const feeds = (underlying: keyof IndexUsd) => {
    const usd = index[underlying];
    return [
      ...indexQuoteMessages(underlying, at, {
        coinbase: (usd - 1).toFixed(2),
        kraken: usd.toFixed(2),
        bitstamp: (usd + 1).toFixed(2),
        okx: (usd * OUTLIER_FACTOR).toFixed(2),
      }),
      ...indexQuoteMessages(underlying, stale, { bitfinex: usd.toFixed(2) }),
    ];
  };
  const raw = (key: string, value: object) => ({
    key,
    value: JSON.stringify({ schemaVersion: 1, eventTime: at, ...value }),
  });
  const vol = (underlying: string, strike: string, iv: string) =>
    raw(underlying, {
      source: 'deribit',
      kind: 'implied-vol',
      underlying,
      expiry: OPTION_EXPIRY,
      strike,
      iv,
    });
  return [
    ...feeds('BTC'),
    ...feeds('ETH'),
    ...feeds('stETH'),
    raw('stETH', { source: 'lido', kind: 'redemption-rate', token: 'stETH', base: 'ETH', rate: '0.99' }),
    vol('BTC', '100000', '0.6'),
    vol('ETH', '4000', '0.7'),
  ];
}

/**
 * Quotes dated half a minute before the last 8-hour funding time: the live rounds after them are the
 * first marks of a new period, so the perpetuals' holders are settled one funding period in the run.
 */
export function fundingPrelude(nowMs: number): Message[] {
  const fundingTimeMs = Math.floor((nowMs - 60_000) / FUNDING_PERIOD_MS) * FUNDING_PERIOD_MS;
  return oracleRound(BEFORE, fundingTimeMs - 30_000).filter((m) => !m.value.includes('"bitfinex"'));
}
