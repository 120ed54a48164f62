import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AGAINST_ACCOUNT, divRound, mulDivRound, rescale, RoundingMode } from './rounding';

const MODES: readonly RoundingMode[] = ['floor', 'ceil', 'half-even', 'toward-zero', 'away-from-zero'];

describe('divRound', () => {
  it('given halves and thirds, when rounded in every mode, then matches the textbook table', () => {
    const table: Array<[bigint, bigint, Record<RoundingMode, bigint>]> = [
      [5n, 2n, { floor: 2n, ceil: 3n, 'half-even': 2n, 'toward-zero': 2n, 'away-from-zero': 3n }],
      [7n, 2n, { floor: 3n, ceil: 4n, 'half-even': 4n, 'toward-zero': 3n, 'away-from-zero': 4n }],
      [-5n, 2n, { floor: -3n, ceil: -2n, 'half-even': -2n, 'toward-zero': -2n, 'away-from-zero': -3n }],
      [10n, -3n, { floor: -4n, ceil: -3n, 'half-even': -3n, 'toward-zero': -3n, 'away-from-zero': -4n }],
      [-11n, -3n, { floor: 3n, ceil: 4n, 'half-even': 4n, 'toward-zero': 3n, 'away-from-zero': 4n }],
      [6n, 3n, { floor: 2n, ceil: 2n, 'half-even': 2n, 'toward-zero': 2n, 'away-from-zero': 2n }],
    ];
    for (const [numerator, denominator, expected] of table) {
      for (const mode of MODES) {
        assert.equal(
          divRound(numerator, denominator, mode),
          expected[mode],
          `${numerator}/${denominator} ${mode}`,
        );
      }
    }
  });

  it('given a zero denominator, then throws', () => {
    assert.throws(() => divRound(1n, 0n, 'floor'), RangeError);
  });
});

describe('rounding properties', () => {
  const bigArb = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
  const divisorArb = bigArb.filter((x) => x !== 0n);

  it('floor <= exact <= ceil, they differ by at most one unit, and half-even is within half a unit', () => {
    fc.assert(
      fc.property(bigArb, bigArb, divisorArb, (a, b, c) => {
        const exactTimesC = a * b;
        const sign = c < 0n ? -1n : 1n;
        const floor = mulDivRound(a, b, c, 'floor');
        const ceil = mulDivRound(a, b, c, 'ceil');
        assert.ok(floor * c * sign <= exactTimesC * sign);
        assert.ok(ceil * c * sign >= exactTimesC * sign);
        assert.ok(ceil - floor === 0n || ceil - floor === 1n);
        const halfEven = mulDivRound(a, b, c, 'half-even');
        const error = (halfEven * c - exactTimesC) * 2n;
        assert.ok((error < 0n ? -error : error) <= (c < 0n ? -c : c));
      }),
    );
  });

  it('rounding against the account: requirements never below exact, credits never above exact', () => {
    // Given an exact requirement or credit value of notional * rate / denominator
    fc.assert(
      fc.property(bigArb, fc.bigInt({ min: 1n, max: 10n ** 12n }), (notional, denominator) => {
        const rate = 7n;
        const requirement = mulDivRound(notional, rate, denominator, AGAINST_ACCOUNT.requirement);
        const credit = mulDivRound(notional, rate, denominator, AGAINST_ACCOUNT.credit);
        assert.ok(requirement * denominator >= notional * rate, 'requirement rounded up');
        assert.ok(credit * denominator <= notional * rate, 'credit rounded down');
      }),
    );
  });

  it('rescale to a finer scale and back is the identity in every mode', () => {
    fc.assert(
      fc.property(
        bigArb,
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom(...MODES),
        (minor, extra, mode) => {
          assert.equal(rescale(rescale(minor, 6, 6 + extra, mode), 6 + extra, 6, mode), minor);
        },
      ),
    );
  });

  it('given ETH wei rescaled to 8 decimals, when coarsening, then rounds with the given mode', () => {
    assert.equal(rescale(1_234_567_891n, 18, 8, 'floor'), 0n);
    assert.equal(rescale(12_345_678_901_234_567_891n, 18, 8, 'ceil'), 1_234_567_891n);
    assert.equal(rescale(-12_345_678_901_234_567_891n, 18, 8, 'floor'), -1_234_567_891n);
  });
});
