import { AssetCodeString, DecimalString, InstrumentSymbol, Timestamp } from './common';

/** Mirrors schemas/marks.v1.schema.json (kept in sync by typed-messages.spec.ts). */
export type MarkV1 = IndexMarkV1 | RedemptionRateMarkV1 | InstrumentMarkV1 | ExpirySettlementV1;

export type MarkInvalidReasonV1 =
  | 'no-fresh-source'
  | 'too-few-sources'
  | 'unconfirmed-jump'
  | 'no-vol-surface'
  | 'no-index-in-window';

interface ReadingV1 {
  readonly schemaVersion: 1;
  readonly status: 'valid' | 'invalid';
  /** Present exactly when status is invalid. */
  readonly reason?: MarkInvalidReasonV1;
  /** Event time of the inputs reflected. */
  readonly asOf: Timestamp;
}

export interface ConfidenceV1 {
  readonly sourcesUsed: number;
  readonly sourcesKnown: number;
  readonly sourcesStale: number;
  readonly sourcesOutlying: number;
  readonly dispersion: DecimalString;
  readonly stalenessMs: number;
}

/** Key: `index:<underlying>` (`markKeyOf`). */
export interface IndexMarkV1 extends ReadingV1 {
  readonly kind: 'index';
  readonly underlying: AssetCodeString;
  readonly price?: DecimalString;
  readonly confidence: ConfidenceV1;
}

/** Key: `redemption:<token>`. */
export interface RedemptionRateMarkV1 extends ReadingV1 {
  readonly kind: 'redemption-rate';
  readonly token: AssetCodeString;
  readonly base: AssetCodeString;
  readonly rate?: DecimalString;
  readonly confidence: ConfidenceV1;
}

/** Key: the instrument. Prices per contract; Greeks and risk arrays are JSON numbers. */
export interface InstrumentMarkV1 extends ReadingV1 {
  readonly kind: 'instrument';
  readonly instrument: InstrumentSymbol;
  readonly instrumentKind: 'spot' | 'perpetual' | 'future' | 'option';
  readonly underlying: AssetCodeString;
  readonly indexPrice: DecimalString;
  readonly markPrice?: DecimalString;
  readonly confidence: ConfidenceV1;
  readonly funding?: {
    readonly ratePerPeriod: DecimalString;
    readonly periodHours: number;
    readonly premiumIndex: DecimalString;
    readonly paused: boolean;
  };
  readonly option?: {
    readonly forward: DecimalString;
    readonly vol: DecimalString;
    readonly years: DecimalString;
    readonly greeks: { delta: number; gamma: number; vega: number; theta: number; rho: number };
  };
  readonly risk?: { readonly gridId: string; readonly pnl: readonly number[] };
}

/** Key: the instrument; published once, after its last mark. */
export interface ExpirySettlementV1 extends ReadingV1 {
  readonly kind: 'expiry-settlement';
  readonly instrument: InstrumentSymbol;
  readonly underlying: AssetCodeString;
  readonly expiry: Timestamp;
  readonly settlementPrice?: DecimalString;
  readonly valuePerContract?: DecimalString;
  readonly coverage: DecimalString;
  readonly windowMs: number;
}

/** The Kafka key of a mark: compaction keeps the latest value per key. */
export function markKeyOf(mark: MarkV1): string {
  switch (mark.kind) {
    case 'index':
      return `index:${mark.underlying}`;
    case 'redemption-rate':
      return `redemption:${mark.token}`;
    case 'instrument':
    case 'expiry-settlement':
      return mark.instrument;
  }
}
