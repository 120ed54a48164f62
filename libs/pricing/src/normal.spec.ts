import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normCdf, normPdf } from './normal';
import { assertClose, between } from './spec-support';

// Reference values computed with mpmath 1.3 at 30 significant digits (ncdf / npdf), rounded to doubles.
const CDF_REFERENCE: ReadonlyArray<[number, number]> = [
  [1.96, 0.9750021048517795],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [-1, 0.15865525393145705],
  [3, 0.9986501019683699],
  [-5, 2.866515718791939e-7],
  [7, 0.9999999999987201],
  [-10, 7.619853024160525e-24],
  [-20, 2.7536241186062337e-89],
  [-37, 5.725571222524577e-300],
];

describe('standard normal', () => {
  it('given reference points across the centre and both tails, then N(x) matches to ~1e-15 relative', () => {
    for (const [x, expected] of CDF_REFERENCE) assertClose(normCdf(x), expected, 2e-15, 0, `N(${x})`);
  });

  it('given the density at 0 and 1, then it equals 1/sqrt(2 pi) and exp(-1/2)/sqrt(2 pi)', () => {
    assertClose(normPdf(0), 0.3989422804014327, 1e-16, 0, 'n(0)');
    assertClose(normPdf(1), 0.24197072451914337, 1e-15, 0, 'n(1)');
  });

  it('given beyond-double tails or NaN, then N saturates to 0/1 and propagates NaN', () => {
    assert.equal(normCdf(-40), 0);
    assert.equal(normCdf(40), 1);
    assert.equal(normCdf(-Infinity), 0);
    assert.equal(normCdf(Infinity), 1);
    assert.ok(Number.isNaN(normCdf(NaN)));
  });

  it('for any x, N(x) + N(-x) = 1 (symmetry)', () => {
    fc.assert(fc.property(between(-8, 8), (x) => Math.abs(normCdf(x) + normCdf(-x) - 1) <= 4e-16));
  });

  it('for any x < y, N(x) <= N(y) (monotone), including across the algorithm switch points', () => {
    fc.assert(fc.property(between(-38, 38), between(0, 1), (x, dx) => normCdf(x) <= normCdf(x + dx)));
    for (const edge of [0.67448975, 5.656854249492381, 37.5193]) {
      for (const side of [-1, 1]) {
        const x = side * edge;
        assert.ok(normCdf(x - 1e-12) <= normCdf(x + 1e-12), `monotone at ${x}`);
      }
    }
  });

  it('for any x, the derivative of N is the density n (central difference)', () => {
    fc.assert(
      fc.property(between(-6, 6), (x) => {
        const h = 1e-5;
        const slope = (normCdf(x + h) - normCdf(x - h)) / (2 * h);
        return Math.abs(slope - normPdf(x)) <= 1e-8;
      }),
    );
  });
});
