import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountMargin } from './account-margin';
import { BTC_SPOT, CONFIG, linear, linearMark, marketOf } from './spec-support';

describe('a basis trade: 1 BTC held as collateral, short 1 BTC-PERP against it', () => {
  const market = marketOf([linearMark('BTC-PERP', BTC_SPOT)]);
  const shortPerp = linear('BTC-PERP', -1, BTC_SPOT);
  const hedged = accountMargin(
    { account: 'basis', collateral: [{ asset: 'BTC', units: 1 }], positions: [shortPerp] },
    market,
    CONFIG,
  );
  const naked = accountMargin(
    { account: 'naked', collateral: [{ asset: 'USDC', units: 60_000 }], positions: [shortPerp] },
    market,
    CONFIG,
  );

  it('then the spot leg is recognized as an offset: no scenario loses', () => {
    const [btc] = hedged.exact.portfolio.byUnderlying;
    assert.ok(btc.scenarioLossUsd < 1e-6, `loss ${btc.scenarioLossUsd}`);
  });

  it('then only the basis contingency is charged: 0.5% of the offsetting amount (the smaller side, 60,000)', () => {
    assert.equal(hedged.portfolio.imUsd, 300);
    assert.ok(hedged.portfolio.imUsd < naked.portfolio.imUsd / 10);
  });

  it('then the account is delta neutral', () => {
    assert.ok(Math.abs(hedged.greeks.byUnderlying[0].delta) < 1e-12);
  });

  it('given 10 BTC against the same short, then only 1 BTC hedges and the rest is collateral (its haircut)', () => {
    const tenBtc = accountMargin(
      { account: 'basis', collateral: [{ asset: 'BTC', units: 10 }], positions: [shortPerp] },
      market,
      CONFIG,
    );
    assert.equal(tenBtc.portfolio.imUsd, hedged.portfolio.imUsd);
    assert.ok(tenBtc.marginNlvUsd < tenBtc.nlvUsd);
  });
});
