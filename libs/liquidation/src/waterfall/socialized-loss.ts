import { divRound } from '@clearing/ledger';
import { PPM } from '../close/exact-position';

/**
 * What neither the insurance fund nor ADL could cover is shared by every holder of the settlement
 * asset, pro rata (BitMEX's former "socialised loss", FTX's clawback, Drift's last resort): a factor
 * applied to withdrawals until the loss is absorbed. ppm of each withdrawal paid out, rounded up so
 * the pool never lends more than it holds.
 */
export function socializedLossFactorPpm(uncovered: bigint, totalClaims: bigint): bigint {
  if (uncovered < 0n || totalClaims < 0n) throw new RangeError('loss and claims are positive amounts');
  if (uncovered === 0n) return PPM;
  if (uncovered >= totalClaims) return 0n;
  return divRound((totalClaims - uncovered) * PPM, totalClaims, 'floor');
}

/** The part of a requested withdrawal that is paid out under the factor (rounded down: a payout). */
export function withdrawablePart(requested: bigint, factorPpm: bigint): bigint {
  if (factorPpm < 0n || factorPpm > PPM) throw new RangeError(`a factor is within [0, ${PPM}] ppm`);
  return divRound(requested * factorPpm, PPM, 'floor');
}
