import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountMargin } from './account-margin';
import { defaultMarginConfig } from './defaults';
import { CONFIG, linear, linearMark, marketOf } from './spec-support';

// dYdX open-interest scaling between 50M and 100M USD of open interest: at 51M the market is 2% crowded,
// so the IM fraction is 0.16 + 0.02 x 0.84 = 0.1768 exactly.
const crowdedConfig = defaultMarginConfig({
  underlyings: {
    ...CONFIG.underlyings,
    BTC: {
      ...CONFIG.underlyings.BTC,
      standard: {
        ...CONFIG.underlyings.BTC.standard,
        openInterest: { lowerCapUsd: 50_000_000, upperCapUsd: 100_000_000 },
      },
    },
  },
});

describe('a requirement is computed exactly and rounded once, against the account', () => {
  it('given a 3 BTC-PERP short at 50,000 in a market 2% into its open-interest caps, when margined standard, then IM is 17.68% of 150,000 = 26,520.00 to the cent', () => {
    const mark = { ...linearMark('BTC-PERP', 50_000), openInterestUsd: 51_000_000 };
    const portfolio = {
      account: 'A',
      collateral: [{ asset: 'USDC', units: 100_000 }],
      positions: [linear('BTC-PERP', -3, 50_000)],
    };
    const margin = accountMargin(portfolio, marketOf([mark]), crowdedConfig, 'standard');
    assert.equal(margin.required.imUsd, 26_520);
    assert.equal(margin.required.mmUsd, 12_000);
  });
});
