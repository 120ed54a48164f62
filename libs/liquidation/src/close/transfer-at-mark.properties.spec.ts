import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  formatAmount,
  InstrumentTerms,
  PositionTransfer,
  scaledDecimal,
  ShardLedger,
  unitPriceOfContractValue,
} from '@clearing/ledger';

// Issue 12, defect 1: whatever the instrument, liquidating at the oracle's mark must not move the
// account's NLV (the mark is a contract's value; the ledger's price is per underlying unit).

const SETTLEMENT_SCALE = 6;
const CONTRACT_SIZES = ['1', '0.1', '0.01', '0.001', '0.25', '5', '100'];

interface Book {
  readonly terms: InstrumentTerms;
  /** Signed position minor units held before the liquidation (a spot holding is long). */
  readonly held: bigint;
  readonly entryPrice: bigint;
  /** marks.v1 markPrice: a contract's value, a decimal exact at the settlement scale per unit. */
  readonly markPerContract: string;
  readonly closed: bigint;
}

const bookArb: fc.Arbitrary<Book> = fc
  .record({
    kind: fc.constantFrom('spot', 'perpetual', 'future', 'call', 'put'),
    contractSize: fc.constantFrom(...CONTRACT_SIZES),
    positionScale: fc.integer({ min: 0, max: 8 }),
    quantity: fc.bigInt({ min: 1n, max: 10n ** 9n }),
    long: fc.boolean(),
    entryPrice: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    markPerUnit: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    closedPpm: fc.bigInt({ min: 1n, max: 1_000_000n }),
  })
  .map((b) => {
    const spot = b.kind === 'spot';
    const contractSize = scaledDecimal(spot ? '1' : b.contractSize);
    const terms = termsOf(b.kind, contractSize, b.positionScale);
    const held = spot || b.long ? b.quantity : -b.quantity;
    const markPerContract = formatAmount(
      b.markPerUnit * contractSize.minor,
      SETTLEMENT_SCALE + contractSize.scale,
    );
    const closed = (b.quantity * b.closedPpm + 999_999n) / 1_000_000n;
    return { terms, held, entryPrice: b.entryPrice, markPerContract, closed };
  });

function termsOf(
  kind: string,
  contractSize: InstrumentTerms['contractSize'],
  positionScale: number,
): InstrumentTerms {
  const base = {
    instrument: `BTC-${kind.toUpperCase()}`,
    settlementAsset: 'USDC',
    settlementScale: SETTLEMENT_SCALE,
    positionScale,
    contractSize,
  };
  if (kind === 'spot') return { ...base, kind: 'spot', baseAsset: 'BTC' };
  if (kind === 'perpetual') return { ...base, kind: 'perpetual' };
  const expiry = '2026-12-25T08:00:00Z';
  if (kind === 'future') return { ...base, kind: 'future', expiry };
  const optionType = kind === 'call' ? 'call' : 'put';
  return { ...base, kind: 'option', expiry, strike: 100_000n * 10n ** 6n, optionType };
}

/** An exact fraction: the NLV is compared without rounding anything the test itself computes. */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * NLV at the mark, computed apart from the ledger's own notional code: cash + the position at a
 * contract's value (options, spot) or its unrealized P&L (futures, perpetuals: value - cost basis).
 */
function nlvAtMark(ledger: ShardLedger, book: Book): Fraction {
  const account = ledger.book('alice');
  const { terms } = book;
  const mark = scaledDecimal(book.markPerContract);
  const cashDen = 10n ** BigInt(SETTLEMENT_SCALE);
  const unitsAsset = terms.kind === 'spot' ? terms.baseAsset! : terms.instrument;
  const held = terms.kind === 'spot' ? account.balance(unitsAsset) : account.position(unitsAsset).quantity;
  const valueDen = 10n ** BigInt(terms.positionScale + mark.scale);
  const costDen = 10n ** BigInt(terms.positionScale + SETTLEMENT_SCALE + terms.contractSize.scale);
  const linear = terms.kind === 'perpetual' || terms.kind === 'future';
  const cost = linear ? account.position(unitsAsset).cost : 0n;
  const num =
    account.balance('USDC') * valueDen * costDen +
    held * mark.minor * cashDen * costDen -
    cost * cashDen * valueDen;
  return { num, den: cashDen * valueDen * costDen };
}

function transferOf(book: Book, id: string, side: 'buy' | 'sell', quantity: bigint, price: bigint) {
  const command: PositionTransfer = {
    type: 'LiquidationTransfer',
    commandId: id,
    account: 'alice',
    occurredAt: '2026-12-06T01:00:00Z',
    caseId: `case-${id}`,
    instrument: book.terms.instrument,
    side,
    quantity,
    price,
    counterpartyAccount: 'BACKSTOP',
    fee: 0n,
    terms: book.terms,
  };
  return command;
}

describe('property: a liquidation transfer at the mark leaves the NLV unchanged (issue 12, defect 1)', () => {
  it('for spot, perpetuals, futures, calls and puts of any contract size and lot: less than a cent unit moves, against the account', () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const ledger = new ShardLedger(0, { maxEvents: 100 }, (a) => (a === 'USDC' ? 6 : 8));
        const opening = book.held > 0n ? 'buy' : 'sell';
        const held = book.held > 0n ? book.held : -book.held;
        ledger.handle(transferOf(book, 'open', opening, held, book.entryPrice));
        const before = nlvAtMark(ledger, book);
        const price = unitPriceOfContractValue(book.markPerContract, book.terms);
        const closing = opening === 'buy' ? 'sell' : 'buy';
        const outcome = ledger.handle(transferOf(book, 'close', closing, book.closed, price));
        assert.equal(outcome.events[0].type, 'LiquidationExecuted');
        const after = nlvAtMark(ledger, book);
        // before - after, over a common denominator: in [0, one settlement minor unit).
        const lost = before.num * after.den - after.num * before.den;
        const oneMinorUnit = (before.den * after.den) / 10n ** BigInt(SETTLEMENT_SCALE);
        assert.ok(lost >= 0n && lost < oneMinorUnit, `NLV moved by ${lost}/${before.den * after.den}`);
      }),
      { numRuns: 500 },
    );
  });
});
