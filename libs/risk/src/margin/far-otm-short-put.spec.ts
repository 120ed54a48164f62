import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildScenarioGrid } from '../scenario-grid';
import { accountMargin } from './account-margin';
import { defaultMarginConfig, defaultUnderlyingParams } from './defaults';
import { BTC_SPOT, CONFIG, marketOf, option, optionMark, OptionTerms } from './spec-support';

describe('a short 30-day BTC put struck 50% below spot (30,000 with BTC at 60,000)', () => {
  const putTerms: OptionTerms = { type: 'put', strike: 30_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT };
  const account = (mark: ReturnType<typeof optionMark>) => ({
    account: 'wing-seller',
    collateral: [{ asset: 'USDC', units: 10_000 }],
    positions: [option(mark, -1, putTerms)],
  });

  const withExtended = accountMargin(
    account(optionMark('BTC-30D-30000-P', putTerms)),
    marketOf([optionMark('BTC-30D-30000-P', putTerms)]),
    CONFIG,
  );
  const coreGrid = buildScenarioGrid({ extendedMoves: [] });
  const coreMark = optionMark('BTC-30D-30000-P', { ...putTerms, grid: coreGrid });
  const coreOnlyConfig = defaultMarginConfig({
    underlyings: { BTC: defaultUnderlyingParams(['BTC'], coreGrid) },
  });
  const coreOnly = accountMargin(account(coreMark), marketOf([coreMark]), coreOnlyConfig);

  it('given only the +-16% core table, then the put looks almost riskless', () => {
    const [btc] = coreOnly.exact.portfolio.byUnderlying;
    assert.ok(btc.scenarioLossUsd < 100, `core loss ${btc.scenarioLossUsd}`);
  });

  it('given the extended table, then the -66% move (weighted 0.16/0.66) sets the requirement', () => {
    const [btc] = withExtended.exact.portfolio.byUnderlying;
    assert.equal(btc.worstScenario!.spotShock, -0.66);
    // At -66% the put is 9,600 in the money (more with vol up): about 9,800 x 0.2424 = 2,370 USD counted.
    assert.ok(btc.scenarioLossUsd > 2_000 && btc.scenarioLossUsd < 2_600, `loss ${btc.scenarioLossUsd}`);
    const coreLoss = coreOnly.exact.portfolio.byUnderlying[0].scenarioLossUsd;
    assert.ok(btc.scenarioLossUsd > 20 * coreLoss);
    assert.ok(withExtended.portfolio.imUsd > 5 * coreOnly.portfolio.imUsd);
  });
});
