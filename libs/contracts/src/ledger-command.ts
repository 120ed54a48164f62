import { AccountIdString, AssetCodeString, DecimalString, InstrumentSymbol, Side, Timestamp } from './common';

/** Mirrors schemas/ledger.commands.v1.schema.json (kept in sync by typed-fixtures.spec.ts). */
export type LedgerCommandV1 =
  | DepositCommandV1
  | WithdrawalRequestCommandV1
  | RegisterInstrumentCommandV1
  | RiskParamsChangeCommandV1
  | FundingSettlementCommandV1
  | OptionExpirySettlementCommandV1
  | LiquidationTransferCommandV1
  | InsuranceFundDrawCommandV1
  | AutoDeleverageCommandV1;

export type LedgerCommandType = LedgerCommandV1['type'];

/** The generic shape every command extends (`$defs/envelope` in the schema). */
export interface LedgerCommandEnvelope<TType extends string> {
  readonly schemaVersion: 1;
  readonly commandId: string;
  readonly type: TType;
  readonly account: AccountIdString;
  readonly issuedAt: Timestamp;
  readonly causationId?: string;
}

export interface DepositCommandV1 extends LedgerCommandEnvelope<'Deposit'> {
  readonly asset: AssetCodeString;
  readonly amount: DecimalString;
  readonly externalRef?: string;
}

export interface WithdrawalRequestCommandV1 extends LedgerCommandEnvelope<'WithdrawalRequest'> {
  readonly asset: AssetCodeString;
  readonly amount: DecimalString;
  readonly destination?: string;
}

export interface RegisterInstrumentCommandV1 extends LedgerCommandEnvelope<'RegisterInstrument'> {
  readonly instrument: InstrumentSymbol;
  readonly instrumentKind: 'perpetual' | 'future' | 'option';
  readonly underlying: AssetCodeString;
  readonly quoteAsset: AssetCodeString;
  readonly settlementAsset: AssetCodeString;
  readonly positionScale: number;
  readonly contractSize: DecimalString;
  /** Required for futures and options, absent for perpetuals. */
  readonly expiry?: Timestamp;
  /** Options only. */
  readonly strike?: DecimalString;
  readonly optionType?: 'call' | 'put';
}

export interface RiskParamsChangeCommandV1 extends LedgerCommandEnvelope<'RiskParamsChange'> {
  readonly scope: 'global' | 'underlying' | 'instrument' | 'asset';
  /** Absent exactly when scope is global. */
  readonly target?: string;
  readonly params: Readonly<Record<string, DecimalString>>;
}

export interface FundingSettlementCommandV1 extends LedgerCommandEnvelope<'FundingSettlement'> {
  readonly instrument: InstrumentSymbol;
  /** Positive: longs pay shorts. */
  readonly fundingRate: DecimalString;
  readonly markPrice: DecimalString;
  readonly fundingTime: Timestamp;
}

export interface OptionExpirySettlementCommandV1 extends LedgerCommandEnvelope<'OptionExpirySettlement'> {
  readonly instrument: InstrumentSymbol;
  readonly settlementPrice: DecimalString;
  readonly expiry: Timestamp;
}

export interface LiquidationTransferCommandV1 extends LedgerCommandEnvelope<'LiquidationTransfer'> {
  readonly liquidationId: string;
  readonly instrument: InstrumentSymbol;
  /** For the liquidated account: sell closes a long. */
  readonly side: Side;
  readonly quantity: DecimalString;
  readonly price: DecimalString;
  readonly toAccount: AccountIdString;
  readonly fee?: DecimalString;
  readonly feeAsset?: AssetCodeString;
}

export interface InsuranceFundDrawCommandV1 extends LedgerCommandEnvelope<'InsuranceFundDraw'> {
  readonly caseId: string;
  readonly asset: AssetCodeString;
  readonly amount: DecimalString;
}

export interface AutoDeleverageCommandV1 extends LedgerCommandEnvelope<'AutoDeleverage'> {
  readonly caseId: string;
  readonly counterpartyAccount: AccountIdString;
  readonly instrument: InstrumentSymbol;
  /** For the deleveraged account: sell reduces its long. */
  readonly side: Side;
  readonly quantity: DecimalString;
  /** Bankruptcy price. */
  readonly price: DecimalString;
}
