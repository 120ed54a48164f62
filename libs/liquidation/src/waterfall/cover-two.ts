// CPMI-IOSCO Principles for Financial Market Infrastructures (2012), principle 4 (credit risk): a CCP
// with a more complex risk profile or systemically important in several jurisdictions holds financial
// resources to cover the default of the two participants (and their affiliates) that would cause the
// largest aggregate credit exposure in extreme but plausible conditions: "Cover 2".

/** One account under the stress scenario: its loss beyond its own collateral (0 if it stays solvent). */
export interface StressedAccount {
  readonly account: string;
  /** USD the CCP would lose if this account defaulted in the stress scenario (>= 0). */
  readonly stressLossUsd: number;
}

export interface CoverTwo {
  /** The two accounts with the largest stress losses, largest first. */
  readonly largest: readonly StressedAccount[];
  readonly requiredUsd: number;
  readonly resourcesUsd: number;
  /** resources / required; Infinity when nothing is required. */
  readonly ratio: number;
  readonly sufficient: boolean;
}

/** Resources = insurance fund + excess collateral the CCP may use (its own capital, skin in the game). */
export function coverTwo(
  accounts: readonly StressedAccount[],
  insuranceFundUsd: number,
  excessCollateralUsd: number,
): CoverTwo {
  const largest = largestTwo(accounts);
  const requiredUsd = largest.reduce((sum, a) => sum + Math.max(0, a.stressLossUsd), 0);
  const resourcesUsd = insuranceFundUsd + excessCollateralUsd;
  const ratio = requiredUsd > 0 ? resourcesUsd / requiredUsd : Infinity;
  return { largest, requiredUsd, resourcesUsd, ratio, sufficient: ratio >= 1 };
}

/** The two largest stress losses, largest first (ties by account id, so every instance picks the same two). */
export function largestTwo(accounts: readonly StressedAccount[]): StressedAccount[] {
  return [...accounts]
    .sort((a, b) => b.stressLossUsd - a.stressLossUsd || (a.account < b.account ? -1 : 1))
    .slice(0, 2);
}
