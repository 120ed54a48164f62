import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultMarginConfig, defaultUnderlyingParams } from './defaults';
import { portfolioMargin } from './portfolio-margin';
import {
  BTC_SPOT,
  CONFIG,
  linear,
  linearMark,
  marketOf,
  option,
  optionMark,
  OptionTerms,
} from './spec-support';

// Paradex: net portfolio IM = max(SCAN risk, minimum delta requirement); here rate x |net delta| x index.
const withMinDelta = defaultMarginConfig({
  underlyings: { BTC: { ...defaultUnderlyingParams(['BTC']), minDeltaRate: 0.25 } },
});
const perp = linearMark('BTC-PERP', BTC_SPOT);
const btcOf = (
  positions: Parameters<typeof portfolioMargin>[0]['positions'],
  config = withMinDelta,
  marks = [perp],
) => portfolioMargin({ account: 'A', collateral: [], positions }, marketOf(marks), config).byUnderlying[0];

describe("Paradex's minimum delta charge", () => {
  it('given 1 BTC-PERP long and a 25% minimum delta rate, then IM is 15,000, above the 9,600 scan loss', () => {
    const btc = btcOf([linear('BTC-PERP', 1, BTC_SPOT)]);
    assert.ok(Math.abs(btc.scenarioLossUsd - 9_600) < 1e-6, `loss ${btc.scenarioLossUsd}`);
    assert.ok(Math.abs(btc.imUsd - 15_000) < 1e-6, `IM ${btc.imUsd}`);
  });

  it('given a delta-neutral straddle hedged with the perp, then the charge is (nearly) nothing and the scan sets IM', () => {
    const call: OptionTerms = { type: 'call', strike: 60_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT };
    const put: OptionTerms = { ...call, type: 'put' };
    const marks = [perp, optionMark('BTC-30D-60000-C', call), optionMark('BTC-30D-60000-P', put)];
    const delta = marks[1].option!.greeks.delta + marks[2].option!.greeks.delta;
    const positions = [
      option(marks[1], -1, call),
      option(marks[2], -1, put),
      linear('BTC-PERP', delta, BTC_SPOT),
    ];
    const btc = btcOf(positions, withMinDelta, marks);
    assert.ok(btc.minDeltaUsd < 1e-6, `charge ${btc.minDeltaUsd}`);
    assert.equal(btc.imUsd, btcOf(positions, CONFIG, marks).imUsd);
  });

  it('given the default rate 0, then the scan loss alone sets IM', () => {
    assert.ok(Math.abs(btcOf([linear('BTC-PERP', 1, BTC_SPOT)], CONFIG).imUsd - 9_600) < 1e-6);
  });
});
