import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmount } from '@clearing/ledger';
import { planRound, PlanInput } from './partial-plan';
import { btc, CONFIG, marketOf, perpMark, termsOf, usdc } from './spec-fixtures';

// A trader long 10 BTC-PERP from $63,000 with $95,000 USDC; BTC marks $60,000. Unrealized loss
// $30,000, NLV $65,000, IM $96,000 (a 16% move), MM $72,000: liquidatable (65,000 < 72,000).
const market = marketOf([perpMark('BTC-PERP', 60_000)]);
const account = {
  account: 'alice',
  collateral: [{ asset: 'USDC', units: 95_000 }],
  positions: [
    { instrument: 'BTC-PERP', kind: 'perpetual' as const, quantity: 10, contractSize: 1, costUsd: 630_000 },
  ],
};
const input: PlanInput = {
  portfolio: account,
  market,
  config: CONFIG,
  method: 'portfolio',
  pricing: { towardBankruptcyPpm: 100_000n, feePpm: 15_000n },
  holdings: new Map([
    [
      'BTC-PERP',
      {
        exact: { terms: termsOf('BTC-PERP'), quantity: btc('10'), markPrice: usdc('60000') },
        lot: btc('0.001'),
      },
    ],
  ]),
  hedgePerps: new Map(),
  pausedUnderlyings: new Set(),
  fractionPpm: 1_000_000n,
  targetImPpm: 1_000_000n,
};

describe('partial liquidation: long 10 BTC-PERP from $63,000, $95,000 USDC, BTC at $60,000', () => {
  const plan = planRound(input);
  const [close] = plan.trades;

  it('then it sells part of the position, not all of it, and the account is back above IM', () => {
    assert.equal(plan.trades.length, 1);
    assert.equal(close.side, 'sell');
    assert.ok(close.quantity < btc('10'), `closed ${formatAmount(close.quantity, 8)} BTC`);
    assert.equal(plan.targetMet, true);
    assert.ok(plan.after.margin.marginNlvUsd >= plan.after.margin.required.imUsd);
  });

  it('then it sells at 10% of the way to the bankruptcy price ($53,500 = 60,000 - 65,000 / 10)', () => {
    assert.equal(formatAmount(close.bankruptcyPrice!, 6), '53500');
    assert.equal(formatAmount(close.price, 6), '59350');
  });

  it('then one lot less would not have been enough (never more than needed)', () => {
    const lessInput = { ...input, fractionPpm: ((close.quantity - btc('0.001')) * 1_000_000n) / btc('10') };
    assert.equal(planRound(lessInput).targetMet, false);
  });

  it('given the throttle allows 25% per round, then the round closes 2.5 BTC and the target waits for the next', () => {
    const throttled = planRound({ ...input, fractionPpm: 250_000n });
    assert.equal(formatAmount(throttled.trades[0].quantity, 8), '2.5');
    assert.equal(throttled.targetMet, false);
  });

  it("given BTC's mark is invalid, then nothing trades", () => {
    const paused = planRound({ ...input, pausedUnderlyings: new Set(['BTC']) });
    assert.deepEqual(paused.trades, []);
  });
});
