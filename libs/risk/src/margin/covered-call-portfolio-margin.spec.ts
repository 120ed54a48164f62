import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountMargin } from './account-margin';
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

describe('a covered call: long 1 BTC-PERP, short 1 30-day BTC call 10% out of the money', () => {
  const perpMark = linearMark('BTC-PERP', BTC_SPOT);
  const callTerms: OptionTerms = { type: 'call', strike: 66_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT };
  const callMark = optionMark('BTC-30D-66000-C', callTerms);
  const market = marketOf([perpMark, callMark]);
  const collateral = [{ asset: 'USDC', units: 20_000 }];
  const perp = linear('BTC-PERP', 1, BTC_SPOT);
  const shortCall = option(callMark, -1, callTerms);
  const marginOf = (positions: (typeof perp)[]) =>
    accountMargin({ account: 'cc', collateral, positions }, market, CONFIG);

  const together = marginOf([perp, shortCall]);
  const perpAlone = marginOf([perp]);
  const callAlone = marginOf([shortCall]);

  it('then its portfolio margin is below the sum of the legs margined in isolation (standard margin)', () => {
    assert.ok(together.portfolio.imUsd < together.standard.imUsd, JSON.stringify(together.portfolio));
    assert.ok(together.nettingSavingUsd > 0);
  });

  it('then it is also below the sum of each leg on portfolio margin alone: the call caps the upside loss', () => {
    assert.ok(together.portfolio.imUsd < perpAlone.portfolio.imUsd + callAlone.portfolio.imUsd);
  });

  it('then the worst scenario is a fall, where the perp loses and the call only gives back its premium', () => {
    const [btc] = together.exact.portfolio.byUnderlying;
    assert.ok(btc.worstScenario!.spotShock < 0);
    assert.ok(btc.scenarioLossUsd < 0.16 * BTC_SPOT);
  });

  it('then the short call still pays its contingency: 0.5% of its underlying notional', () => {
    const [btc] = together.exact.portfolio.byUnderlying;
    assert.ok(Math.abs(btc.contingencies.shortOptionUsd - 0.005 * BTC_SPOT) < 1e-9);
  });
});
