import { InterUnderlyingCredit } from './params';

/** What a credit reads of one underlying: its net delta (units) and its scenario (scan) loss. */
export interface LegExposure {
  readonly deltaUnits: number;
  readonly scanLossUsd: number;
}

/**
 * SPAN's inter-commodity spread credit (CME SPAN methodology), per underlying, in USD. Pairs are taken in
 * the configured order (SPAN's priority): opposite net deltas of two correlated underlyings form
 * min(|delta A| / ratio A, |delta B| / ratio B) spreads; the delta a spread uses is not used again, and
 * each leg is credited rate x (its spread delta / its net delta) x its scan loss, so a credit never
 * exceeds rate x scan loss. Deltas of the same sign are not offsets for positively correlated underlyings.
 */
export function interUnderlyingCredits(
  credits: readonly InterUnderlyingCredit[],
  legs: ReadonlyMap<string, LegExposure>,
): Map<string, number> {
  const remaining = new Map([...legs].map(([underlying, leg]) => [underlying, Math.abs(leg.deltaUnits)]));
  const creditUsd = new Map<string, number>();
  for (const { underlyings, deltaRatio, creditRate } of credits) {
    const pair = underlyings.map((u) => legs.get(u));
    if (pair[0] === undefined || pair[1] === undefined) continue;
    if (Math.sign(pair[0].deltaUnits) * Math.sign(pair[1].deltaUnits) >= 0) continue;
    const spreads = Math.min(
      remaining.get(underlyings[0])! / deltaRatio[0],
      remaining.get(underlyings[1])! / deltaRatio[1],
    );
    if (!(spreads > 0)) continue;
    underlyings.forEach((underlying, i) => {
      const spreadDelta = spreads * deltaRatio[i];
      const leg = pair[i]!;
      remaining.set(underlying, remaining.get(underlying)! - spreadDelta);
      // At most the whole leg: float division of tiny deltas can land a hair above 1.
      const share = Math.min(1, spreadDelta / Math.abs(leg.deltaUnits));
      creditUsd.set(underlying, (creditUsd.get(underlying) ?? 0) + creditRate * share * leg.scanLossUsd);
    });
  }
  return creditUsd;
}
