import { AccountIdString, AssetCodeString, DecimalString, InstrumentSymbol, Side, Timestamp } from './common';

/** Mirrors schemas/fills.v1.schema.json (kept in sync by typed-fixtures.spec.ts). */
export interface FillV1 {
  readonly schemaVersion: 1;
  readonly fillId: string;
  readonly venue: string;
  /** Integer <= 2^53-1: exact in every language. */
  readonly venueSequence: number;
  readonly instrument: InstrumentSymbol;
  readonly price: DecimalString;
  readonly quantity: DecimalString;
  readonly aggressor: Side;
  readonly buyer: FillPartyV1;
  readonly seller: FillPartyV1;
  readonly eventTime: Timestamp;
}

export interface FillPartyV1 {
  readonly account: AccountIdString;
  readonly orderId: string;
  /** Negative is a rebate. */
  readonly fee: DecimalString;
  readonly feeAsset?: AssetCodeString;
}
