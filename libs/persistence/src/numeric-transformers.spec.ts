import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  bigintColumn,
  decimalTextToMinorUnits,
  parseIntegerText,
  scaledDecimalColumn,
} from './numeric-transformers';

describe('NUMERIC <-> bigint, never through a float', () => {
  it('integer columns round-trip any int64-sized value exactly, beyond Number.MAX_SAFE_INTEGER', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }), (value) => {
        assert.equal(bigintColumn.from(bigintColumn.to(value)), value);
      }),
    );
    assert.equal(parseIntegerText('9007199254740993'), 9007199254740993n);
    assert.throws(() => parseIntegerText('1.5'), /integer/);
  });

  it('decimal columns at an asset scale round-trip minor units, and accept the padding Postgres adds', () => {
    const usdc = scaledDecimalColumn(6);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (minor) =>
        assert.equal(usdc.from(usdc.to(minor)), minor),
      ),
    );
    assert.equal(decimalTextToMinorUnits('100.000000000000000000', 6), 100_000_000n);
    assert.equal(decimalTextToMinorUnits('-0.000001000000', 6), -1n);
  });

  it('a significant digit beyond the scale is an error, not a rounding', () => {
    assert.throws(() => decimalTextToMinorUnits('0.0000001', 6), /more than 6 decimal places/);
    assert.throws(() => decimalTextToMinorUnits('1e3', 6), /decimal/);
  });
});

describe('column scales beyond an asset scale (an exact cost basis)', () => {
  it('formats and parses 30 fraction digits exactly', async () => {
    const { minorUnitsToDecimalText } = await import('./numeric-transformers');
    const cost = -(10n ** 40n) - 7n;
    assert.equal(decimalTextToMinorUnits(minorUnitsToDecimalText(cost, 30), 30), cost);
  });
});
