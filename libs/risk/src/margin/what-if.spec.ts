import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountMargin } from './account-margin';
import { whatIf } from './what-if';
import { BTC_SPOT, CONFIG, linear, linearMark, marketOf, optionMark } from './spec-support';

describe('what-if: a trader long 2 BTC-PERP asks before trading', () => {
  const putMark = optionMark('BTC-30D-54000-P', {
    type: 'put',
    strike: 54_000,
    days: 30,
    vol: 0.6,
    indexPrice: BTC_SPOT,
  });
  const market = marketOf([linearMark('BTC-PERP', 59_000), putMark]);
  const account = {
    account: 'bob',
    collateral: [{ asset: 'USDC', units: 30_000 }],
    positions: [linear('BTC-PERP', 2, BTC_SPOT)],
  };
  const now = accountMargin(account, market, CONFIG);
  const perp = { instrument: 'BTC-PERP', kind: 'perpetual' as const, contractSize: 1 };

  it('given buying 2 protective puts, then the requirement falls and the premium leaves the cash', () => {
    const put = {
      instrument: putMark.instrument,
      kind: 'option' as const,
      contractSize: 1,
      strike: 54_000,
      optionType: 'put' as const,
    };
    const hedged = whatIf(
      account,
      [{ position: put, quantity: 2, priceUsd: putMark.markPrice!, settlementAsset: 'USDC' }],
      market,
      CONFIG,
    );
    assert.ok(hedged.portfolio.imUsd < now.portfolio.imUsd);
    assert.ok(Math.abs(hedged.nlvUsd - now.nlvUsd) <= 0.01, 'bought at mark: value unchanged');
  });

  it('given closing the whole position at 59,000, then nothing is required and the 2,000 loss is realized in cash', () => {
    const closed = whatIf(
      account,
      [{ position: perp, quantity: -2, priceUsd: 59_000, settlementAsset: 'USDC' }],
      market,
      CONFIG,
    );
    assert.deepEqual(closed.portfolio, { imUsd: 0, mmUsd: 0 });
    assert.equal(closed.nlvUsd, 28_000);
    assert.equal(closed.nlvUsd, now.nlvUsd);
  });

  it('then the account itself is untouched (pure function)', () => {
    assert.equal(account.positions.length, 1);
    assert.equal(account.positions[0].quantity, 2);
  });
});
