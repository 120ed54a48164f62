import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultMarginConfig } from './defaults';
import { InterUnderlyingCredit } from './params';
import { MarginPosition } from './portfolio';
import { portfolioMargin } from './portfolio-margin';
import { BTC_SPOT, CONFIG, marketOf, option, optionMark, OptionTerms } from './spec-support';

// SPAN's inter-commodity spread credit between BTC and ETH: 1 BTC of delta against 20 ETH (60,000 vs 3,000),
// half of each spread leg's scan loss credited.
const BTC_ETH: InterUnderlyingCredit = { underlyings: ['BTC', 'ETH'], deltaRatio: [1, 20], creditRate: 0.5 };
const credited = defaultMarginConfig({ interUnderlyingCredits: [BTC_ETH] });
const ethGrid = CONFIG.underlyings.ETH.grid;
const btcPut: OptionTerms = { type: 'put', strike: 60_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT };
const btcCall: OptionTerms = { ...btcPut, type: 'call' };
const ethCall: OptionTerms = {
  type: 'call',
  strike: 3_000,
  days: 30,
  vol: 0.7,
  indexPrice: 3_000,
  grid: ethGrid,
};
const marks = {
  btcPut: optionMark('BTC-30D-60000-P', btcPut),
  btcCall: optionMark('BTC-30D-60000-C', btcCall),
  ethCall: optionMark('ETH-30D-3000-C', ethCall),
};
const market = marketOf(Object.values(marks));
const bookOf = (positions: MarginPosition[], config = credited) =>
  portfolioMargin({ account: 'A', collateral: [], positions }, market, config);

describe('inter-underlying credit (SPAN inter-commodity spread), off by default', () => {
  // 10 long BTC puts (delta about -4.7 BTC) against 200 long ETH calls (about +108 ETH): the design's example.
  const book = [option(marks.btcPut, 10, btcPut), option(marks.ethCall, 200, ethCall)];

  it('given a BTC-put / ETH-call book and the BTC/ETH credit, then both legs are credited and IM falls by the credits', () => {
    const plain = bookOf(book, CONFIG);
    const withCredit = bookOf(book);
    const credits = withCredit.byUnderlying.map((u) => u.interUnderlyingCreditUsd);
    assert.ok(
      credits.every((c) => c > 0),
      `credits ${credits}`,
    );
    const total = credits.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(plain.imUsd - withCredit.imUsd - total) < 1e-6);
  });

  it('then the leg whose delta is wholly spread (BTC: 4.7 BTC against 93 of the 108 ETH) is credited half its scan loss', () => {
    const btc = bookOf(book).byUnderlying.find((u) => u.underlying === 'BTC')!;
    assert.ok(Math.abs(btc.netDeltaUnits) * 20 < 200 * marks.ethCall.option!.greeks.delta);
    assert.ok(Math.abs(btc.interUnderlyingCreditUsd - 0.5 * btc.scenarioLossUsd) < 1e-6);
  });

  it('given the default configuration, then no credit at all', () => {
    assert.ok(bookOf(book, CONFIG).byUnderlying.every((u) => u.interUnderlyingCreditUsd === 0));
  });

  it('given BTC calls with the ETH calls (both long delta), then nothing offsets and nothing is credited', () => {
    const sameWay = bookOf([option(marks.btcCall, 10, btcCall), option(marks.ethCall, 200, ethCall)]);
    assert.ok(sameWay.byUnderlying.every((u) => u.interUnderlyingCreditUsd === 0));
  });
});
