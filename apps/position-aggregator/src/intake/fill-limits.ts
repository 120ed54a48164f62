import { decimalPlaces, FillV1, InstrumentDefinition, withoutTrailingZeros } from '@clearing/contracts';
import { AssetRegistry, parseAmount } from '@clearing/ledger';

/**
 * Limits of an instrument registered through a journaled RegisterInstrument (that command carries none yet)
 * or seeded before limits were configured: 10^9 contracts at 10^9 per underlying unit keeps every notional, cost
 * and margin figure within the Postgres columns that hold them (docs/contracts.md, limits).
 */
export const REGISTERED_INSTRUMENT_LIMITS = Object.freeze({
  maxQuantity: '1000000000',
  maxPrice: '1000000000',
});

/**
 * Refuses what the instrument cannot represent or does not allow: a price with more decimals than its
 * settlement asset has, or a quantity or price above its configured maximum. (A quantity finer than the
 * position scale is off the lot: the lot-size rule refuses it.) Never throws for a schema-valid fill.
 */
export function magnitudeRefusal(
  fill: FillV1,
  instrument: InstrumentDefinition,
  assets: AssetRegistry,
): string | undefined {
  if (!assets.has(instrument.settlementAsset))
    return `unknown settlement asset ${instrument.settlementAsset}`;
  const priceScale = assets.scaleOf(instrument.settlementAsset);
  if (!fitsScale(fill.price, priceScale))
    return `price ${fill.price} has more decimals than ${instrument.settlementAsset} allows (${priceScale})`;
  const maxQuantity = instrument.maxQuantity ?? REGISTERED_INSTRUMENT_LIMITS.maxQuantity;
  if (isAbove(fill.quantity, maxQuantity))
    return `quantity ${fill.quantity} is above the ${instrument.symbol} maximum ${maxQuantity}`;
  const maxPrice = instrument.maxPrice ?? REGISTERED_INSTRUMENT_LIMITS.maxPrice;
  if (isAbove(fill.price, maxPrice))
    return `price ${fill.price} is above the ${instrument.symbol} maximum ${maxPrice}`;
  return undefined;
}

/** True when `decimal` has at most `scale` significant fraction digits (trailing zeros are not digits). */
export function fitsScale(decimal: string, scale: number): boolean {
  return decimalPlaces(withoutTrailingZeros(decimal)) <= scale;
}

/**
 * Exact `decimal > limit`, at the limit's scale: digits finer than the limit only break a tie, so a value
 * with more decimals than any scale still compares (the comparison runs before the scale rules).
 */
function isAbove(decimal: string, limit: string): boolean {
  const [value, max] = [withoutTrailingZeros(decimal), withoutTrailingZeros(limit)];
  const scale = decimalPlaces(max);
  const [whole, fraction = ''] = value.split('.');
  const kept = fraction.slice(0, scale);
  const truncated = parseAmount(kept === '' ? whole : `${whole}.${kept}`, scale);
  const maxMinor = parseAmount(max, scale);
  return truncated > maxMinor || (truncated === maxMinor && fraction.length > scale);
}
