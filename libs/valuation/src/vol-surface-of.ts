import { normCdf, VolPoint, VolSurface } from '@clearing/pricing';
import { yearsUntil } from './fair-price';
import { VolQuote } from './oracle-state';
import { UnderlyingParams } from './params';

/**
 * The surface of an underlying at event time `clockMs` from its fresh, unexpired points. Strikes become
 * log-moneyness k = ln(K/F) against the forward of their expiry; a delta point (undiscounted call delta,
 * a negative value a put delta) becomes the k whose Black-76 delta it is at its own vol.
 * Undefined when no point is usable.
 */
export function volSurfaceOf(
  points: Iterable<VolQuote>,
  index: number,
  params: UnderlyingParams,
  clockMs: number,
): VolSurface | undefined {
  const byLocation = new Map<string, VolPoint>();
  for (const point of points) {
    if (clockMs - point.eventTimeMs > params.volMaxAgeMs || point.expiryMs <= clockMs) continue;
    const years = yearsUntil(point.expiryMs, clockMs);
    const forward = index * Math.exp(params.carryRatePerYear * years);
    const logMoneyness =
      point.strike !== undefined
        ? Math.log(point.strike / forward)
        : logMoneynessOfDelta(point.delta!, point.iv, years);
    // A strike point and a delta point can land on the same k: the later quote wins.
    const key = `${years}:${logMoneyness}`;
    byLocation.set(key, { years, logMoneyness, vol: point.iv });
  }
  return byLocation.size === 0 ? undefined : VolSurface.fromPoints([...byLocation.values()]);
}

/** k with N(d1) = call delta, d1 = (-k + vol^2 T / 2) / (vol sqrt(T)). */
function logMoneynessOfDelta(delta: number, vol: number, years: number): number {
  const callDelta = delta > 0 ? delta : 1 + delta;
  const stdDev = vol * Math.sqrt(years);
  return -inverseNormCdf(callDelta) * stdDev + (stdDev * stdDev) / 2;
}

/** Bisection on the Cody cdf: a few surface points per rebuild, so robustness beats speed here. */
function inverseNormCdf(probability: number): number {
  let low = -40;
  let high = 40;
  for (let i = 0; i < 100 && high - low > 1e-13; i++) {
    const middle = (low + high) / 2;
    if (normCdf(middle) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
