import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { castOf, fillRound, TRADED } from './market';
import { fundingPrelude, indexAt, oracleRound } from './price-path';
import { histogramQuantile, nonZero, byLabel, parseExposition } from './metrics-scrape';

const cast = castOf(50, 'r1');
type Parsed = Record<string, string> & { buyer: { account: string }; seller: { account: string } };
const parsed = (m: { value: string }) => JSON.parse(m.value) as Parsed;

describe('the demo market', () => {
  it('given a round of fills, then every fill is a taker against a maker at a whole-dollar price, and takers never sell spot', () => {
    const fills = fillRound(cast, { BTC: 60_000, ETH: 3_000 }, 0, 400).map(parsed);
    assert.equal(new Set(fills.map((f) => f.fillId)).size, 400);
    for (const f of fills) {
      const { buyer, seller, instrument, price } = f;
      assert.match(price, /^\d+$/, 'on every tick size');
      assert.equal([buyer.account, seller.account].filter((a) => a.startsWith('maker-')).length, 1);
      if (instrument.endsWith('-USDC'))
        assert.ok(seller.account.startsWith('maker-'), 'only makers hold spot');
    }
    assert.deepEqual(new Set(fills.map((f) => f.instrument)), new Set(TRADED.map((t) => t.instrument)));
  });

  it('given the leveraged cast, then it holds the three waterfall roles', () => {
    const roles = new Set(Object.values(cast.leveraged).map((l) => l.role));
    assert.deepEqual(roles, new Set(['partial-liquidation', 'insurance-draw', 'adl']));
  });

  it('given the price path, when the crash comes, then BTC gaps from about 60,000 to about 50,000', () => {
    assert.ok(Math.abs(indexAt(0.1).BTC - 60_000) < 200);
    assert.ok(Math.abs(indexAt(0.9).BTC - 50_000) < 200);
  });

  it('given a feed round, then okx quotes an outlier and bitfinex a ten-minute-old quote', () => {
    const nowMs = Date.parse('2026-12-06T10:00:00Z');
    const quotes = oracleRound(indexAt(0), nowMs)
      .map(parsed)
      .filter((q) => q.underlying === 'BTC' && q.kind === 'index-quote');
    const okx = quotes.find((q) => q.source === 'okx')!;
    const kraken = quotes.find((q) => q.source === 'kraken')!;
    assert.ok(Number(okx.price) > 1.2 * Number(kraken.price));
    assert.equal(quotes.find((q) => q.source === 'bitfinex')!.eventTime, '2026-12-06T09:50:00.000Z');
  });

  it('given a start at 10:00 UTC, then the funding prelude is dated just before the 08:00 funding time', () => {
    const prelude = fundingPrelude(Date.parse('2026-12-06T10:00:00Z')).map(parsed);
    assert.ok(prelude.every((q) => q.eventTime === '2026-12-06T07:59:30.000Z'));
  });
});

describe('reading the services’ metrics', () => {
  const text = [
    '# HELP clearing_x_seconds latency',
    'clearing_x_seconds_bucket{le="0.1"} 50',
    'clearing_x_seconds_bucket{le="0.5"} 90',
    'clearing_x_seconds_bucket{le="1"} 100',
    'clearing_x_seconds_bucket{le="+Inf"} 100',
    'clearing_steps_total{action="adl",status="booked"} 2',
    'clearing_steps_total{action="liquidation",status="booked"} 0',
  ].join('\n');

  it('given a histogram, then its quantiles interpolate inside the bucket as Prometheus does', () => {
    const samples = parseExposition(text);
    assert.equal(histogramQuantile(samples, 'clearing_x_seconds', 0.5), 0.1);
    assert.ok(Math.abs(histogramQuantile(samples, 'clearing_x_seconds', 0.7)! - 0.3) < 1e-12);
    assert.equal(histogramQuantile([], 'clearing_x_seconds', 0.5), undefined);
  });

  it('given counters by label, then only those that counted are reported', () => {
    assert.deepEqual(nonZero(byLabel(parseExposition(text), 'clearing_steps_total', 'action')), { adl: 2 });
  });
});
