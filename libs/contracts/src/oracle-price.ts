import { AssetCodeString, DecimalString, Timestamp } from './common';

/** Mirrors schemas/oracle.prices.v1.schema.json (kept in sync by typed-fixtures.spec.ts). */
export type OraclePriceV1 = IndexQuoteV1 | RedemptionRateV1 | ImpliedVolV1;

interface ObservationV1 {
  readonly schemaVersion: 1;
  readonly source: string;
  readonly eventTime: Timestamp;
}

export interface IndexQuoteV1 extends ObservationV1 {
  readonly kind: 'index-quote';
  readonly underlying: AssetCodeString;
  /** USD per unit of the underlying. */
  readonly price: DecimalString;
}

export interface RedemptionRateV1 extends ObservationV1 {
  readonly kind: 'redemption-rate';
  readonly token: AssetCodeString;
  readonly base: AssetCodeString;
  /** Units of base per unit of token. */
  readonly rate: DecimalString;
}

/** A surface point located by exactly one of strike (USD) or delta. */
export type ImpliedVolV1 = ObservationV1 & {
  readonly kind: 'implied-vol';
  readonly underlying: AssetCodeString;
  readonly expiry: Timestamp;
  /** Annualized, as a fraction (0.65 = 65%). */
  readonly iv: DecimalString;
} & (
    | { readonly strike: DecimalString; readonly delta?: never }
    | { readonly delta: DecimalString; readonly strike?: never }
  );
