import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AmountFormatError, formatAmount, MAX_SCALE, parseAmount } from './amount';

describe('parseAmount', () => {
  it('given decimal strings within the scale, when parsed, then yields exact minor units', () => {
    assert.equal(parseAmount('1.5', 6), 1_500_000n);
    assert.equal(parseAmount('-0.000001', 6), -1n);
    assert.equal(parseAmount('42', 0), 42n);
    assert.equal(parseAmount('0.1', 18), 100_000_000_000_000_000n);
    assert.equal(parseAmount('123456789012345678901234567890.123456789012345678', 18).toString().length, 48);
  });

  it('given more fraction digits than the scale, when parsed, then throws instead of rounding', () => {
    assert.throws(() => parseAmount('0.0000001', 6), AmountFormatError);
    assert.throws(() => parseAmount('1.10', 1), /2 fraction digits/);
  });

  it('given malformed strings, when parsed, then throws', () => {
    for (const bad of [
      '',
      '1e6',
      '+1',
      ' 1',
      '1 ',
      '.5',
      '5.',
      '1,5',
      '0x10',
      '--1',
      'NaN',
      'Infinity',
      '1.2.3',
    ]) {
      assert.throws(() => parseAmount(bad, 6), AmountFormatError, bad);
    }
  });

  it('given an invalid scale, when parsing or formatting, then throws', () => {
    assert.throws(() => parseAmount('1', -1), RangeError);
    assert.throws(() => formatAmount(1n, MAX_SCALE + 1), RangeError);
    assert.throws(() => formatAmount(1n, 1.5), RangeError);
  });
});

describe('formatAmount', () => {
  it('given minor units, when formatted, then gives the canonical decimal', () => {
    assert.equal(formatAmount(1_500_000n, 6), '1.5');
    assert.equal(formatAmount(-1n, 6), '-0.000001');
    assert.equal(formatAmount(0n, 8), '0');
    assert.equal(formatAmount(100n, 2), '1');
    assert.equal(formatAmount(-120n, 0), '-120');
  });
});

describe('amount round trips (properties)', () => {
  const scaleArb = fc.integer({ min: 0, max: MAX_SCALE });

  it('parse(format(x)) === x for every bigint and scale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), scaleArb, (minor, scale) => {
        assert.equal(parseAmount(formatAmount(minor, scale), scale), minor);
      }),
    );
  });

  it('format(parse(s)) is canonical: same value, and formatting it again is a fixed point', () => {
    const decimalArb = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,30}$/), scaleArb)
      .chain(([negative, whole, scale]) =>
        fc.stringMatching(new RegExp(`^\\d{0,${scale}}$`)).map((fraction) => ({
          text: `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`,
          scale,
        })),
      );
    fc.assert(
      fc.property(decimalArb, ({ text, scale }) => {
        const canonical = formatAmount(parseAmount(text, scale), scale);
        assert.equal(parseAmount(canonical, scale), parseAmount(text, scale));
        assert.equal(formatAmount(parseAmount(canonical, scale), scale), canonical);
        assert.match(canonical, /^(0|-?[1-9]\d*(\.\d*[1-9])?|-?0\.\d*[1-9])$/);
      }),
    );
  });
});
