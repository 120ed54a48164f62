import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { valueCollateral } from './haircut';
import { CONFIG, marketOf } from './spec-support';

const ETH_USD = 3_000;
const stEthMarket = (stEthUsd: number, redemptionRate: number) =>
  marketOf([], { ETH: ETH_USD, stETH: stEthUsd }, { redemptionRates: new Map([['stETH', redemptionRate]]) });
const value = (units: number, stEthUsd: number, redemptionRate: number) =>
  valueCollateral('stETH', units, CONFIG.collateral.stETH, stEthMarket(stEthUsd, redemptionRate));

describe('stETH posted as collateral', () => {
  it('given stETH on peg (market = redemption = ETH), then it is worth 100 ETH at mark and its haircut carries the de-peg shock', () => {
    const onPeg = value(100, ETH_USD, 1);
    assert.equal(onPeg.valueUsd, 300_000);
    assert.equal(onPeg.haircut.depeg, 0.05);
    const eth = valueCollateral('ETH', 100, CONFIG.collateral.ETH, stEthMarket(ETH_USD, 1));
    assert.ok(onPeg.marginValueUsd < eth.marginValueUsd, 'stETH lends less than the ETH it redeems for');
  });

  it('given the market de-pegs to 0.94 ETH, then it is valued at the market price', () => {
    const depegged = value(100, 0.94 * ETH_USD, 1);
    assert.equal(depegged.priceUsd, 0.94 * ETH_USD);
    assert.ok(depegged.marginValueUsd < value(100, ETH_USD, 1).marginValueUsd);
  });

  it('given slashing cuts the redemption rate to 0.9 while the market still quotes par, then the redemption value caps it', () => {
    const slashed = value(100, ETH_USD, 0.9);
    assert.equal(slashed.priceUsd, 0.9 * ETH_USD);
  });

  it('given no redemption rate for stETH, then it cannot be valued (refused, not guessed)', () => {
    const market = marketOf([], { ETH: ETH_USD, stETH: ETH_USD });
    assert.throws(() => valueCollateral('stETH', 1, CONFIG.collateral.stETH, market), /no redemption rate/);
  });
});
