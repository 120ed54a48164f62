import { AccountIdString, AssetCodeString, DecimalString, InstrumentSymbol, Timestamp } from './common';

/** Mirrors schemas/risk.summaries.v1.schema.json (kept in sync by typed-messages.spec.ts). Key: `partition-<n>`. */
export interface RiskSummaryV1 {
  readonly schemaVersion: 1;
  readonly partition: number;
  readonly partitionCount: number;
  /** Events of the partition's accounts folded into it: the newer of two summaries has more (then a later asOf). */
  readonly journalEvents: number;
  readonly asOf: Timestamp;
  readonly publisher: string;
  readonly adl: readonly AdlCandidateV1[];
  readonly largestStressLosses: readonly {
    readonly account: AccountIdString;
    readonly stressLossUsd: number;
  }[];
  readonly insuranceFunds: readonly {
    readonly account: AccountIdString;
    readonly asset: AssetCodeString;
    readonly balance: DecimalString;
  }[];
}

/** One position ADL may reduce, with the BitMEX ranking inputs (risk floats, USD). */
export interface AdlCandidateV1 {
  readonly account: AccountIdString;
  readonly instrument: InstrumentSymbol;
  /** Signed: negative is short. */
  readonly quantity: DecimalString;
  readonly positionScale: number;
  /** The mark per contract the values were taken at (a reader re-values the position at its own mark). */
  readonly markPriceUsd: number;
  readonly markValueUsd: number;
  readonly entryValueUsd: number;
  readonly bankruptValueUsd: number;
}

/** The compaction key of a partition's summary. */
export function riskSummaryKey(partition: number): string {
  return `partition-${partition}`;
}
