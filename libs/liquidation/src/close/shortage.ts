import { divRound, InstrumentTerms, notionalDivisor, notionalExact } from '@clearing/ledger';
import { PPM } from './exact-position';

export interface ShortageInput {
  readonly terms: InstrumentTerms;
  /** Settlement minor units missing to the target requirement. */
  readonly shortage: bigint;
  /** Oracle price per underlying unit, settlement minor units. */
  readonly price: bigint;
  /** Requirement per unit of notional the close releases, ppm (the position's margin ratio). */
  readonly marginRatioPpm: bigint;
  /** Liquidation fee (to the liquidator or CCP) and insurance fund fee, ppm of notional. */
  readonly liquidationFeePpm: bigint;
  readonly insuranceFeePpm: bigint;
}

/**
 * Drift's sizing (protocol-v2 math/liquidation.rs, calculate_base_asset_amount_to_cover_margin_shortage):
 * closing q units releases q x price x marginRatio of requirement and costs q x price x fees of
 * collateral, so q = shortage / (price x (marginRatio - liquidationFee - insuranceFee)). Position minor
 * units, rounded up so the shortage is covered; undefined when fees eat the whole release (close all).
 */
export function quantityToCoverShortage(input: ShortageInput): bigint | undefined {
  const { terms, shortage, price, marginRatioPpm, liquidationFeePpm, insuranceFeePpm } = input;
  const netReleasePpm = marginRatioPpm - liquidationFeePpm - insuranceFeePpm;
  if (price <= 0n || netReleasePpm <= 0n) return undefined;
  if (shortage <= 0n) return 0n;
  // Release of one position minor unit, at scale divisor x PPM: price x size x netRelease.
  const releasePerMinor = notionalExact(terms, 1n, price) * netReleasePpm;
  return divRound(shortage * notionalDivisor(terms) * PPM, releasePerMinor, 'ceil');
}
