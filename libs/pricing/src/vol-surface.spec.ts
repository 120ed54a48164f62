import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PricingInputError } from './inputs';
import { assertClose, between } from './spec-support';
import { VolPoint, VolSurface } from './vol-surface';

// A BTC-like surface: a one-month and a three-month smile with a put skew, quoted at k = ln(K/F).
const POINTS: VolPoint[] = [
  { years: 1 / 12, logMoneyness: -0.2, vol: 0.8 },
  { years: 1 / 12, logMoneyness: 0, vol: 0.6 },
  { years: 1 / 12, logMoneyness: 0.2, vol: 0.65 },
  { years: 0.25, logMoneyness: -0.2, vol: 0.7 },
  { years: 0.25, logMoneyness: 0, vol: 0.55 },
  { years: 0.25, logMoneyness: 0.2, vol: 0.6 },
];
const surface = VolSurface.fromPoints(POINTS);

describe('vol surface', () => {
  it('given a quoted point, then the surface returns its vol, by strike/forward or by log-moneyness', () => {
    assertClose(surface.volAt(0, 0.25), 0.55, 1e-15, 0, 'ATM 3m');
    assertClose(surface.vol(50_000 * Math.exp(-0.2), 50_000, 1 / 12), 0.8, 1e-12, 0, '1m put wing');
  });

  it('given a strike between quotes, then the vol is linear in log-moneyness; beyond the ends it is flat', () => {
    assertClose(surface.volAt(0.1, 0.25), 0.575, 1e-15, 0, 'halfway');
    assert.equal(surface.volAt(-1.5, 0.25), 0.7);
    assert.equal(surface.volAt(3, 1 / 12), 0.65);
  });

  it('given an expiry between smiles, then total variance is linear in time', () => {
    const years = (1 / 12 + 0.25) / 2;
    const variance = (0.6 ** 2 / 12 + 0.55 ** 2 * 0.25) / 2;
    assertClose(surface.volAt(0, years), Math.sqrt(variance / years), 1e-14, 0, 'ATM 2m');
  });

  it('given an expiry before the first or after the last smile, then the nearest smile vol is used', () => {
    assert.equal(surface.volAt(0, 1 / 365), 0.6);
    assert.equal(surface.volAt(0, 0), 0.6);
    assertClose(surface.volAt(0, 2), 0.55, 1e-15, 0, '2y');
  });

  it('given a later smile with less total variance (calendar arbitrage), then it is floored at the earlier one', () => {
    const inverted = VolSurface.fromPoints([
      { years: 0.1, logMoneyness: 0, vol: 0.9 },
      { years: 0.2, logMoneyness: 0, vol: 0.5 }, // w = 0.05 < 0.081
    ]);
    assertClose(inverted.volAt(0, 0.2), Math.sqrt(0.081 / 0.2), 1e-14, 0, 'floored');
    assertClose(inverted.volAt(0, 0.15), Math.sqrt(0.081 / 0.15), 1e-14, 0, 'flat variance between');
  });

  it('given extreme quotes, then vols are clamped into the configured bounds', () => {
    const wild = VolSurface.fromPoints(
      [
        { years: 1, logMoneyness: -1, vol: 9 },
        { years: 1, logMoneyness: 1, vol: 0.001 },
      ],
      { minVol: 0.05, maxVol: 3 },
    );
    assert.equal(wild.volAt(-1, 1), 3);
    assert.equal(wild.volAt(1, 1), 0.05);
    assert.equal(VolSurface.fromPoints([{ years: 1, logMoneyness: 0, vol: 0.001 }]).volAt(0, 1), 0.01);
  });

  it('given bad input, then fromPoints throws naming it', () => {
    const bad: Array<[VolPoint[], string]> = [
      [[], 'points'],
      [[{ years: 0, logMoneyness: 0, vol: 0.5 }], 'years'],
      [[{ years: 1, logMoneyness: NaN, vol: 0.5 }], 'logMoneyness'],
      [[{ years: 1, logMoneyness: 0, vol: -0.5 }], 'vol'],
      [[POINTS[0], { ...POINTS[0] }], 'points'],
    ];
    for (const [points, field] of bad) {
      assert.throws(
        () => VolSurface.fromPoints(points),
        (error: unknown) => error instanceof PricingInputError && error.field === field,
        field,
      );
    }
    assert.throws(() => VolSurface.fromPoints(POINTS, { minVol: 2, maxVol: 1 }), /minVol must be <= maxVol/);
  });

  it('for any strike and two expiries, total variance never decreases with time and vol stays in bounds', () => {
    fc.assert(
      fc.property(between(-2, 2), between(0, 3), between(0, 3), (k, t1, t2) => {
        const [shorter, longer] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const shortVol = surface.volAt(k, shorter);
        assert.ok(shortVol >= 0.01 && shortVol <= 5);
        assert.ok(shortVol ** 2 * shorter <= surface.volAt(k, longer) ** 2 * longer + 1e-15);
      }),
    );
  });
});
