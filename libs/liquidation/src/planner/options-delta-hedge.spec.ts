import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planRound, PlanInput } from './partial-plan';
import { btc, CONFIG, marketOf, perpMark, putMark, termsOf, usdc } from './spec-fixtures';

// A writer of 10 deep in-the-money BTC puts (strike $80,000, BTC at $60,000: delta about +1 each, the
// book behaves like 10 BTC long) with little collateral. Buying the puts back moves toward their
// bankruptcy price; selling 10 BTC-PERP at the mark costs only the fee and removes most of the risk.
const put = putMark('BTC-80000-P', 80_000, 60_000);
const market = marketOf([put, perpMark('BTC-PERP', 60_000)]);
const premiumUsd = put.markPrice! * 10;
const input: PlanInput = {
  portfolio: {
    account: 'writer',
    collateral: [{ asset: 'USDC', units: premiumUsd + 60_000 }],
    positions: [
      {
        instrument: put.instrument,
        kind: 'option',
        quantity: -10,
        contractSize: 1,
        costUsd: -premiumUsd,
        strike: 80_000,
        optionType: 'put',
      },
    ],
  },
  market,
  config: CONFIG,
  method: 'portfolio',
  pricing: { towardBankruptcyPpm: 500_000n, feePpm: 5_000n },
  holdings: new Map([
    [
      put.instrument,
      {
        exact: {
          terms: termsOf(put.instrument, 'option'),
          quantity: -btc('10'),
          markPrice: usdc(put.markPrice!.toFixed(6)),
        },
        lot: btc('0.1'),
      },
    ],
  ]),
  hedgePerps: new Map([['BTC', { terms: termsOf('BTC-PERP'), markPrice: usdc('60000'), lot: btc('0.001') }]]),
  pausedUnderlyings: new Set(),
  fractionPpm: 1_000_000n,
  targetImPpm: 1_000_000n,
};

describe('options book: short 10 deep ITM puts, the perp hedge gives more relief per cost', () => {
  const plan = planRound(input);

  it('then the first trade sells BTC-PERP against the book delta instead of buying the puts back', () => {
    assert.ok(plan.trades.length >= 1);
    assert.deepEqual(
      [plan.trades[0].kind, plan.trades[0].instrument, plan.trades[0].side],
      ['hedge', 'BTC-PERP', 'sell'],
    );
  });

  it('then the hedge is at most the book delta, rounded up to the lot', () => {
    assert.ok(plan.trades[0].quantity <= btc('10'));
  });
});
