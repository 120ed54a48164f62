import { AccountIdString, AssetCodeString, DecimalString, Timestamp } from './common';

/** Mirrors schemas/settlements.v1.schema.json. */
export type SettlementV1 = SettlementObligationV1 | NettingCycleSummaryV1;

/** Cash that moved for one account and asset within a cycle, by cause; signed from the account's view. */
export interface ObligationComponentsV1 {
  readonly premium?: DecimalString;
  readonly fee?: DecimalString;
  readonly realizedPnl?: DecimalString;
  readonly funding?: DecimalString;
  readonly expirySettlement?: DecimalString;
}

/**
 * The net cash one account owes (negative) or is owed (positive) in one asset for one netting cycle.
 * Keyed by account. Settlement systems pay `net`; `gross` is what paying each item separately would move.
 */
export interface SettlementObligationV1 {
  readonly schemaVersion: 1;
  readonly kind: 'obligation';
  /** `<partition>-<cycleSeq>`: cycles are cut per journal partition, deterministically. */
  readonly cycleId: string;
  readonly partition: number;
  readonly cycleSeq: number;
  readonly account: AccountIdString;
  readonly asset: AssetCodeString;
  readonly net: DecimalString;
  /** Sum of the absolute values of the cycle's individual cash items (>= |net|). */
  readonly gross: DecimalString;
  readonly components: ObligationComponentsV1;
  /** Event time of the cycle's last journal event, or of the later clock tick that closed it. */
  readonly closedAt: Timestamp;
}

/** Per cycle and asset: gross vs net and netting efficiency = 1 - sum|net| / sum gross. Keyed `cycle-<partition>`. */
export interface NettingCycleSummaryV1 {
  readonly schemaVersion: 1;
  readonly kind: 'cycle-summary';
  readonly cycleId: string;
  readonly partition: number;
  readonly cycleSeq: number;
  readonly openedAt: Timestamp;
  readonly closedAt: Timestamp;
  /** Journal events in the cycle. */
  readonly eventCount: number;
  readonly obligationCount: number;
  readonly byAsset: readonly {
    readonly asset: AssetCodeString;
    readonly gross: DecimalString;
    /** Sum over accounts of |net|. */
    readonly net: DecimalString;
    /** 1 - net / gross as a decimal string with 6 places ("0" when gross is 0). */
    readonly nettingEfficiency: DecimalString;
  }[];
}
