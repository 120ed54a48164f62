/** Caps of the insurance fund, settlement minor units; the window is event time, never the wall clock. */
export interface InsuranceFundLimits {
  /** Most one default event may draw. */
  readonly perEventCap: bigint;
  /** Most all draws inside any rolling window of `windowMs` may sum to. */
  readonly perWindowCap: bigint;
  readonly windowMs: number;
}

export interface InsuranceDraw {
  readonly atMs: number;
  readonly amount: bigint;
}

/** The fund's balance and its recent draws (only those still inside the window are kept). */
export interface InsuranceFundState {
  readonly balance: bigint;
  readonly draws: readonly InsuranceDraw[];
}

export interface Coverage {
  readonly covered: bigint;
  readonly uncovered: bigint;
  readonly fund: InsuranceFundState;
}

/**
 * Covers `deficit` (a close-out left NLV < 0) as far as the balance, the per-event cap and what the
 * rolling window has left allow. Pure: returns the fund after the draw; event times must not go back.
 */
export function coverDeficit(
  fund: InsuranceFundState,
  deficit: bigint,
  atMs: number,
  limits: InsuranceFundLimits,
): Coverage {
  if (deficit < 0n) throw new RangeError(`a deficit is a positive amount, got ${deficit}`);
  const last = fund.draws[fund.draws.length - 1];
  if (last !== undefined && atMs < last.atMs)
    throw new RangeError(`insurance draws must come in event-time order: ${atMs} < ${last.atMs}`);
  const recent = fund.draws.filter((draw) => draw.atMs > atMs - limits.windowMs);
  const windowLeft = limits.perWindowCap - recent.reduce((sum, draw) => sum + draw.amount, 0n);
  const covered = min(deficit, fund.balance, limits.perEventCap, windowLeft < 0n ? 0n : windowLeft);
  const draws = covered > 0n ? [...recent, { atMs, amount: covered }] : recent;
  return { covered, uncovered: deficit - covered, fund: { balance: fund.balance - covered, draws } };
}

/** Liquidation fees flow in: the fund grows from the defaults it survives. */
export function creditFees(fund: InsuranceFundState, fees: bigint): InsuranceFundState {
  if (fees < 0n) throw new RangeError(`fees are a positive amount, got ${fees}`);
  return { ...fund, balance: fund.balance + fees };
}

function min(...values: bigint[]): bigint {
  return values.reduce((a, b) => (b < a ? b : a));
}
