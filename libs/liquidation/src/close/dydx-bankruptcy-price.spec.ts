import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmount, InstrumentTerms, parseAmount } from '@clearing/ledger';
import { bankruptcyPrice, bankruptcyQuote } from './bankruptcy';

// dYdX v4's published cases (x/clob keeper liquidations tests): BTC-USD with 10% maintenance margin.
const BTC_PERP: InstrumentTerms = {
  instrument: 'BTC-PERP',
  kind: 'perpetual',
  settlementAsset: 'USDC',
  settlementScale: 6,
  positionScale: 8,
  contractSize: { minor: 1n, scale: 0 },
};
const usdc = (decimal: string) => parseAmount(decimal, 6);
const btc = (decimal: string) => parseAmount(decimal, 8);
const atOracle50k = (quantity: string) => ({
  terms: BTC_PERP,
  quantity: btc(quantity),
  markPrice: usdc('50000'),
});

describe('dYdX bankruptcy price: BTC oracle $50,000, long 0.1 BTC, 10% maintenance margin', () => {
  // 0.1 BTC at $50,000 is $5,000 of notional: the total maintenance requirement is $500.
  const mm = { total: usdc('500') };

  it('given a USDC balance of -4,501 (net collateral $499), closing all 0.1 BTC must bring $4,501: $45,010 per BTC', () => {
    const input = {
      position: atOracle50k('0.1'),
      close: -btc('0.1'),
      netCollateral: usdc('5000') + usdc('-4501'),
      share: { part: usdc('500'), total: mm.total },
    };
    assert.equal(formatAmount(bankruptcyQuote(input), 6), '4501');
    assert.equal(formatAmount(bankruptcyPrice(input), 6), '45010');
    // Selling at that price leaves -4,501 + 4,501 = exactly zero equity.
    assert.equal(usdc('-4501') + (btc('0.1') * bankruptcyPrice(input)) / 10n ** 8n, 0n);
  });

  it('given a balance of -5,000 (no equity left), closing half brings its $2,500 of notional: the mark itself', () => {
    const input = {
      position: atOracle50k('0.1'),
      close: -btc('0.05'),
      netCollateral: usdc('5000') + usdc('-5000'),
      share: { part: usdc('250'), total: mm.total },
    };
    assert.equal(formatAmount(bankruptcyQuote(input), 6), '2500');
    assert.equal(formatAmount(bankruptcyPrice(input), 6), '50000');
  });

  it('given the mirror short with a balance of +5,499, buying back 0.1 BTC may cost at most $5,499', () => {
    const input = {
      position: atOracle50k('-0.1'),
      close: btc('0.1'),
      netCollateral: usdc('5499') - usdc('5000'),
      share: { part: usdc('500'), total: mm.total },
    };
    assert.equal(formatAmount(bankruptcyQuote(input), 6), '-5499');
    assert.equal(formatAmount(bankruptcyPrice(input), 6), '54990');
  });

  it('rounds toward safety: the long sells at no less (up), the short buys at no more (down)', () => {
    // dYdX: closing 0.00021347 of a 1 BTC long whose balance is -$13 (net collateral $49,987) must
    // bring 0.00021347 x $13 = $0.00277511, i.e. 2,775.11 micro-USDC: the long rounds up to 2,776.
    const share = { part: usdc('1.06735'), total: usdc('5000') };
    const long = {
      position: atOracle50k('1'),
      close: -btc('0.00021347'),
      netCollateral: usdc('50000') + usdc('-13'),
      share,
    };
    assert.equal(bankruptcyQuote(long), 2_776n);
    const short = {
      position: atOracle50k('-1'),
      close: btc('0.00021347'),
      netCollateral: usdc('13') - usdc('50000'),
      share,
    };
    assert.equal(bankruptcyQuote(short), -2_775n);
    // Per BTC both are exactly $13 (the account is barely leveraged): no rounding needed there.
    assert.equal(formatAmount(bankruptcyPrice(long), 6), '13');
    assert.equal(formatAmount(bankruptcyPrice(short), 6), '13');
  });

  it('refuses a close that does not reduce the position', () => {
    const input = {
      position: atOracle50k('0.1'),
      close: btc('0.1'),
      netCollateral: 0n,
      share: { part: 1n, total: 1n },
    };
    assert.throws(() => bankruptcyQuote(input), RangeError);
  });
});
