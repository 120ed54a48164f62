import { assertFinite, assertNonNegative, assertPositive, PricingInputError } from './inputs';
import { Smile, smileVol } from './smile';

/** One quoted implied vol: expiry in years, log-moneyness k = ln(strike / forward), Black vol. */
export interface VolPoint {
  readonly years: number;
  readonly logMoneyness: number;
  readonly vol: number;
}

/** Every vol the surface returns is clamped into [minVol, maxVol]. */
export interface VolBounds {
  readonly minVol: number;
  readonly maxVol: number;
}

export const DEFAULT_VOL_BOUNDS: VolBounds = { minVol: 0.01, maxVol: 5 };

/**
 * Implied vol surface: a smile per expiry, linear in log-moneyness (flat beyond the ends); across
 * expiries total variance w = vol^2 * T is linear in T at fixed log-moneyness, flat vol before the first
 * and after the last expiry. Calendar arbitrage (w falling with T) is repaired at query time: each
 * expiry's w is floored at the previous expiry's w at that k, so the earlier, usually better observed
 * expiry wins and forward variance between the two is zero. Immutable; build with `fromPoints`.
 */
export class VolSurface {
  private constructor(
    private readonly smiles: readonly Smile[],
    readonly bounds: VolBounds,
  ) {}

  /** Groups points by exact `years`; throws `PricingInputError` on a bad point, duplicate or empty input. */
  static fromPoints(points: readonly VolPoint[], bounds: VolBounds = DEFAULT_VOL_BOUNDS): VolSurface {
    assertPositive('minVol', bounds.minVol);
    assertPositive('maxVol', bounds.maxVol);
    if (bounds.minVol > bounds.maxVol) throw new PricingInputError('minVol', 'minVol must be <= maxVol');
    if (points.length === 0) throw new PricingInputError('points', 'a vol surface needs at least one point');
    points.forEach(assertValidPoint);
    return new VolSurface(groupIntoSmiles(points), bounds);
  }

  /** Expiries (years) that have a smile, ascending. */
  get expiries(): number[] {
    return this.smiles.map((smile) => smile.years);
  }

  /** Vol for an option struck at `strike` on `forward`, expiring in `years`. */
  vol(strike: number, forward: number, years: number): number {
    assertPositive('strike', strike);
    assertPositive('forward', forward);
    return this.volAt(Math.log(strike / forward), years);
  }

  /** Vol at log-moneyness k = ln(K/F) and `years` to expiry (0 gives the short-end limit). */
  volAt(logMoneyness: number, years: number): number {
    assertFinite('logMoneyness', logMoneyness);
    assertNonNegative('years', years);
    const raw = this.unclampedVol(logMoneyness, years);
    return Math.min(this.bounds.maxVol, Math.max(this.bounds.minVol, raw));
  }

  private unclampedVol(k: number, years: number): number {
    const first = this.smiles[0];
    if (years <= first.years) return smileVol(first, k);
    let previous = { years: first.years, variance: totalVariance(first, k) };
    for (const smile of this.smiles.slice(1)) {
      const current = { years: smile.years, variance: Math.max(previous.variance, totalVariance(smile, k)) };
      if (years <= current.years) {
        const weight = (years - previous.years) / (current.years - previous.years);
        return Math.sqrt((previous.variance + weight * (current.variance - previous.variance)) / years);
      }
      previous = current;
    }
    return Math.sqrt(previous.variance / previous.years);
  }
}

function totalVariance(smile: Smile, k: number): number {
  const vol = smileVol(smile, k);
  return vol * vol * smile.years;
}

function assertValidPoint(point: VolPoint): void {
  assertPositive('years', point.years);
  assertFinite('logMoneyness', point.logMoneyness);
  assertPositive('vol', point.vol);
}

function groupIntoSmiles(points: readonly VolPoint[]): Smile[] {
  const byExpiry = new Map<number, VolPoint[]>();
  for (const point of points) byExpiry.set(point.years, [...(byExpiry.get(point.years) ?? []), point]);
  return [...byExpiry.entries()]
    .sort(([a], [b]) => a - b)
    .map(([years, smilePoints]) => {
      const sorted = [...smilePoints].sort((a, b) => a.logMoneyness - b.logMoneyness);
      sorted.forEach((point, i) => {
        if (i > 0 && point.logMoneyness === sorted[i - 1].logMoneyness) {
          throw new PricingInputError(
            'points',
            `two vols at years ${years}, logMoneyness ${point.logMoneyness}`,
          );
        }
      });
      return { years, logMoneyness: sorted.map((p) => p.logMoneyness), vols: sorted.map((p) => p.vol) };
    });
}
