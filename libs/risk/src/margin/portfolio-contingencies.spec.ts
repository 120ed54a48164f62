import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultMarginConfig, defaultUnderlyingParams } from './defaults';
import { portfolioMargin } from './portfolio-margin';
import { BTC_SPOT, linear, linearMark, marketOf, option, optionMark, OptionTerms } from './spec-support';

// Deribit's published examples (deribit.com/pages/docs/portfoliomargin), with its rates: 0.01 BTC per net
// short option per strike, 1% of the offsetting amount of futures.
const deribitRates = defaultMarginConfig({
  underlyings: {
    BTC: {
      ...defaultUnderlyingParams(['BTC']),
      shortOptionContingencyRate: 0.01,
      offsetContingencyRate: 0.01,
    },
  },
});
const call: OptionTerms = { type: 'call', strike: 60_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT };
const put: OptionTerms = { ...call, type: 'put' };
const contingenciesOf = (
  positions: Parameters<typeof portfolioMargin>[0]['positions'],
  marks: ReturnType<typeof linearMark>[],
) =>
  portfolioMargin({ account: 'A', collateral: [], positions }, marketOf(marks), deribitRates).byUnderlying[0]
    .contingencies;

describe('portfolio margin contingencies as Deribit defines them', () => {
  it('given call +10 and put -20 at the same strike, then 10 contracts are net short: 10 x 0.01 x 60,000 = 6,000', () => {
    const callMark = optionMark('BTC-27DEC26-60000-C', call);
    const putMark = optionMark('BTC-27DEC26-60000-P', put);
    const charged = contingenciesOf(
      [option(callMark, 10, call), option(putMark, -20, put)],
      [callMark, putMark],
    );
    assert.ok(Math.abs(charged.shortOptionUsd - 6_000) < 1e-6, `charged ${charged.shortOptionUsd}`);
  });

  it('given the same strike in another expiry, then the call does not net the put (20 net short: 12,000)', () => {
    const callMark = optionMark('BTC-26DEC27-60000-C', call);
    const putMark = optionMark('BTC-27DEC26-60000-P', put);
    const charged = contingenciesOf(
      [option(callMark, 10, call), option(putMark, -20, put)],
      [callMark, putMark],
    );
    assert.ok(Math.abs(charged.shortOptionUsd - 12_000) < 1e-6, `charged ${charged.shortOptionUsd}`);
  });

  it('given long 100 BTC in future A and short 100 BTC in future B, then 1% x 100 BTC = 60,000 is added', () => {
    const a = linearMark('BTC-27DEC26', BTC_SPOT);
    const b = linearMark('BTC-26DEC27', BTC_SPOT);
    const charged = contingenciesOf(
      [linear(a.instrument, 100, BTC_SPOT), linear(b.instrument, -100, BTC_SPOT)],
      [a, b],
    );
    assert.ok(Math.abs(charged.offsetUsd - 60_000) < 1e-6, `charged ${charged.offsetUsd}`);
  });

  it('given long 100 and short 40, then only the 40 that offset are charged (24,000)', () => {
    const a = linearMark('BTC-27DEC26', BTC_SPOT);
    const b = linearMark('BTC-26DEC27', BTC_SPOT);
    const charged = contingenciesOf(
      [linear(a.instrument, 100, BTC_SPOT), linear(b.instrument, -40, BTC_SPOT)],
      [a, b],
    );
    assert.ok(Math.abs(charged.offsetUsd - 24_000) < 1e-6, `charged ${charged.offsetUsd}`);
  });
});
