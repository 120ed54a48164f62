import { AccountIdString, AssetCodeString, DecimalString, InstrumentSymbol, Side, Timestamp } from './common';
import { UsdString } from './margin';

/** Mirrors schemas/liquidations.v1.schema.json (kept in sync by typed-messages.spec.ts). Key: the account. */
export type LiquidationV1 = CaseOpenedV1 | CaseStepV1 | CaseClosedV1 | AdlQueueV1 | SolvencyV1;

interface CaseEnvelopeV1 {
  readonly schemaVersion: 1;
  readonly caseId: string;
  readonly account: AccountIdString;
}

export interface CaseOpenedV1 extends CaseEnvelopeV1 {
  readonly kind: 'case-opened';
  readonly openedAt: Timestamp;
  /** The engine's own margin of the account when it opened the case. */
  readonly trigger: {
    readonly band: 'liquidatable' | 'bankrupt';
    readonly nlvUsd: UsdString;
    readonly marginNlvUsd: UsdString;
    readonly mmUsd: UsdString;
    readonly journalSequence: number;
  };
}

export type StepActionV1 = 'liquidation' | 'insurance-draw' | 'adl' | 'socialized-loss';

export interface TransferCommandV1 {
  readonly commandId: string;
  readonly type: 'LiquidationTransfer' | 'AutoDeleverage';
  readonly account: AccountIdString;
  readonly instrument: InstrumentSymbol;
  readonly side: Side;
  readonly quantity: DecimalString;
  readonly price: DecimalString;
  readonly counterpartyAccount: AccountIdString;
  readonly fee: DecimalString;
}

export interface CashCommandV1 {
  readonly commandId: string;
  /** SocializeLoss: the debt nobody covered, written off into the shard's pool (sets the withdrawal factor). */
  readonly type: 'InsuranceFundDraw' | 'SocializeLoss';
  readonly account: AccountIdString;
  readonly asset: AssetCodeString;
  readonly amount: DecimalString;
}

export interface CaseStepV1 extends CaseEnvelopeV1 {
  readonly kind: 'step';
  readonly step: number;
  readonly action: StepActionV1;
  /** `issued`: sent to ledger.commands.v1 (again, with the same ids, after a restart); `booked`: decided. */
  readonly status: 'issued' | 'booked';
  readonly at: Timestamp;
  readonly commands: readonly (TransferCommandV1 | CashCommandV1)[];
}

export type CaseOutcomeV1 = 'restored' | 'insurance-fund' | 'adl' | 'socialized-loss';

export interface CaseClosedV1 extends CaseEnvelopeV1 {
  readonly kind: 'case-closed';
  readonly closedAt: Timestamp;
  readonly outcome: CaseOutcomeV1;
  readonly steps: number;
}

/** BitMEX-style ADL lights: 5 = the first 20% of the queue by quantity. */
export interface AdlQueueV1 {
  readonly schemaVersion: 1;
  readonly kind: 'adl-queue';
  readonly account: AccountIdString;
  readonly instrument: InstrumentSymbol;
  readonly side: 'long' | 'short';
  readonly quintile: 1 | 2 | 3 | 4 | 5;
  readonly asOf: Timestamp;
}

/** Cover 2: insurance fund + CCP excess collateral vs the two largest stress losses. Key: `solvency`. */
export interface SolvencyV1 {
  readonly schemaVersion: 1;
  readonly kind: 'solvency';
  readonly asOf: Timestamp;
  readonly insuranceFunds: readonly {
    readonly account: AccountIdString;
    readonly asset: AssetCodeString;
    readonly balance: DecimalString;
  }[];
  readonly insuranceFundUsd: UsdString;
  readonly excessCollateralUsd: UsdString;
  readonly requiredUsd: UsdString;
  readonly largest: readonly { readonly account: AccountIdString; readonly stressLossUsd: UsdString }[];
  /** resources / required; null when nothing is required. */
  readonly ratio: number | null;
  readonly sufficient: boolean;
  /** Journal partitions with no fresh risk summary: their accounts are not in these figures. */
  readonly stalePartitions?: readonly number[];
}
