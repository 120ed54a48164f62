import { FillV1 } from '@clearing/contracts';
import { AssetRegistry, parseAmount } from '@clearing/ledger';
import {
  decimalPlaces,
  InstrumentDefinition,
  positionScaleOf,
  withoutTrailingZeros,
} from './instrument-catalog';

/**
 * Limits of an instrument registered through a journaled RegisterInstrument (that command carries none yet)
 * or seeded before limits were configured: 10^9 contracts at 10^9 per contract keeps every notional, cost
 * and margin figure within the Postgres columns that hold them (docs/contracts.md, limits).
 */
export const REGISTERED_INSTRUMENT_LIMITS = Object.freeze({
  maxQuantity: '1000000000',
  maxPrice: '1000000000',
});

/**
 * Refuses what the instrument cannot represent or does not allow: more decimals than its position unit or
 * settlement asset has, or a quantity or price above its configured maximum. Checked before any arithmetic
 * at the instrument's scale, so a poison value is a reason, never an exception.
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
  const quantityScale = positionScaleOf(instrument, assets);
  if (!fitsScale(fill.quantity, quantityScale))
    return `quantity ${fill.quantity} has more decimals than ${instrument.symbol} allows (${quantityScale})`;
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

/** Exact comparison of two decimal strings whose significant fraction digits fit a valid scale. */
function isAbove(decimal: string, limit: string): boolean {
  const [a, b] = [withoutTrailingZeros(decimal), withoutTrailingZeros(limit)];
  const scale = Math.max(decimalPlaces(a), decimalPlaces(b));
  return parseAmount(a, scale) > parseAmount(b, scale);
}
