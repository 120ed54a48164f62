import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { positionStandardMargin } from './standard-margin';
import { BTC_SPOT, CONFIG, option, optionMark, OptionTerms } from './spec-support';

// Deribit (and Lyra's StandardManager) per short contract, beyond the option's mark (which NLV already
// subtracts): IM max(0.15 - OTM / index, 0.1) x index; MM 0.075 x index, for a put at least 0.075 x mark;
// IM never below MM.
const params = CONFIG.underlyings.BTC.standard;
const marginOf = (terms: OptionTerms, contracts: number) => {
  const mark = optionMark(`BTC-30D-${terms.strike}-${terms.type === 'call' ? 'C' : 'P'}`, terms);
  return { mark, margin: positionStandardMargin(option(mark, contracts, terms), mark, params) };
};

describe('short option maintenance margin follows its own rule, not a share of IM', () => {
  it('given a short call 50% out of the money (strike 90,000, BTC at 60,000), then IM takes the 10% floor (6,000) and MM is 7.5% of spot (4,500), not half of IM (3,000)', () => {
    const { margin } = marginOf(
      { type: 'call', strike: 90_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT },
      -1,
    );
    assert.equal(margin.imUsd, 6_000);
    assert.equal(margin.mmUsd, 4_500);
  });

  it('given 2 short at-the-money calls, then IM is 15% and MM 7.5% of 2 x 60,000 (18,000 and 9,000)', () => {
    const { margin } = marginOf(
      { type: 'call', strike: 60_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT },
      -2,
    );
    assert.equal(margin.imUsd, 18_000);
    assert.equal(margin.mmUsd, 9_000);
  });

  it('given a short put deep in the money (strike 150,000), then MM is 7.5% of its mark, above 7.5% of spot', () => {
    const { mark, margin } = marginOf(
      { type: 'put', strike: 150_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT },
      -1,
    );
    assert.ok(mark.markPrice! > BTC_SPOT, `mark ${mark.markPrice}`);
    assert.ok(Math.abs(margin.mmUsd - 0.075 * mark.markPrice!) < 1e-6);
    assert.equal(margin.imUsd, 9_000);
  });

  it('given MM rates above the IM floor (a risk desk tightening MM), then IM is raised to MM, never below it', () => {
    const terms: OptionTerms = { type: 'call', strike: 90_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT };
    const mark = optionMark('BTC-30D-90000-C', terms);
    const tight = positionStandardMargin(option(mark, -1, terms), mark, {
      ...params,
      shortOptionMmRate: 0.12,
    });
    assert.equal(tight.mmUsd, 7_200);
    assert.equal(tight.imUsd, 7_200);
  });

  it('given a long option, then neither IM nor MM: it is paid in full', () => {
    const { margin } = marginOf({ type: 'put', strike: 60_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT }, 3);
    assert.equal(margin.imUsd, 0);
    assert.equal(margin.mmUsd, 0);
  });
});
