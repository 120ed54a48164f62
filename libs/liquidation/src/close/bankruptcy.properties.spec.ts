import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InstrumentTerms, notionalDivisor, notionalExact } from '@clearing/ledger';
import { BankruptcyInput, bankruptcyPrice, bankruptcyQuote } from './bankruptcy';
import { priceClose } from './close-pricing';

const TERMS: InstrumentTerms = {
  instrument: 'ETH-PERP',
  kind: 'perpetual',
  settlementAsset: 'USDC',
  settlementScale: 6,
  positionScale: 4,
  contractSize: { minor: 1n, scale: 1 },
};

/** A position, a close of part of it, the account's net collateral and the close's share of MM. */
const caseArb = fc
  .record({
    quantity: fc.bigInt({ min: 1n, max: 10n ** 9n }),
    long: fc.boolean(),
    closePpm: fc.bigInt({ min: 1n, max: 1_000_000n }),
    markPrice: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    netCollateral: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
    part: fc.bigInt({ min: 0n, max: 10n ** 6n }),
    extra: fc.bigInt({ min: 0n, max: 10n ** 6n }),
  })
  .map((c) => {
    const quantity = c.long ? c.quantity : -c.quantity;
    const size = (c.quantity * c.closePpm + 999_999n) / 1_000_000n;
    return {
      position: { terms: TERMS, quantity, markPrice: c.markPrice },
      close: c.long ? -size : size,
      netCollateral: c.netCollateral,
      share: { part: c.part, total: c.part + c.extra + 1n },
    };
  });

/**
 * Equity left beyond the share the remaining book keeps, when the close trades `received` settlement
 * units (scaled by divisor x total, so exact): >= 0 means the close did not make the account bankrupt.
 */
function equityAbove(input: BankruptcyInput, receivedScaled: bigint): bigint {
  const { position, close, netCollateral, share } = input;
  const divisor = notionalDivisor(TERMS);
  const atMark = -notionalExact(TERMS, close, position.markPrice) * share.total;
  return receivedScaled - (atMark - netCollateral * share.part * divisor);
}
const receivedAt = (input: BankruptcyInput, price: bigint) =>
  -notionalExact(TERMS, input.close, price) * input.share.total;

describe('bankruptcy price properties', () => {
  it('closing at the (rounded) bankruptcy quote or price never leaves less than the share requires', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const quote = bankruptcyQuote(input);
        assert.ok(equityAbove(input, quote * notionalDivisor(TERMS) * input.share.total) >= 0n);
        const price = bankruptcyPrice(input);
        if (price > 0n) assert.ok(equityAbove(input, receivedAt(input, price)) >= 0n);
      }),
    );
  });

  it('the liquidation price lies between the mark and the bankruptcy price, and the fee never eats past it', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.bigInt({ min: 0n, max: 50_000n }),
        (input, towardPpm, feePpm) => {
          const close = priceClose(input, { towardBankruptcyPpm: towardPpm, feePpm });
          const mark = input.position.markPrice;
          const [low, high] =
            close.side === 'sell' ? [close.bankruptcyPrice, mark] : [mark, close.bankruptcyPrice];
          if (low <= high) assert.ok(close.liquidationPrice >= low && close.liquidationPrice <= high);
          else assert.equal(close.liquidationPrice, mark);
          const feeScaled = close.fee * notionalDivisor(TERMS) * input.share.total;
          const afterFee = equityAbove(input, receivedAt(input, close.liquidationPrice) - feeScaled);
          if (low <= high && close.bankruptcyPrice > 0n) assert.ok(afterFee >= 0n);
          assert.ok(close.fee >= 0n);
        },
      ),
    );
  });
});
