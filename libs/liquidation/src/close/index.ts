export { bankruptcyPrice, bankruptcyQuote } from './bankruptcy';
export type { BankruptcyInput } from './bankruptcy';
export { liquidationFee, liquidationPrice, priceClose } from './close-pricing';
export type { ClosePricing, ClosePricingParams } from './close-pricing';
export { abs, closingSide, PPM, ppm } from './exact-position';
export type { CollateralShare, ExactPosition } from './exact-position';
export { quantityToCoverShortage } from './shortage';
export type { ShortageInput } from './shortage';
