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
  | SocializeLossCommandV1
  | AutoDeleverageCommandV1
  | FillLegCommandV1
  | InstrumentExpiryCommandV1
  | InstrumentFundingCommandV1
  | ClockTickCommandV1
  | OpenAccountCommandV1
  | SuspendAccountCommandV1
  | CloseAccountCommandV1;

/** Internal commands addressed to a whole journal shard (its `shard`), not to one account's partition. */
export type ShardCommandV1 = InstrumentExpiryCommandV1 | InstrumentFundingCommandV1 | ClockTickCommandV1;

export type LedgerCommandType = LedgerCommandV1['type'];

/** The generic shape every command extends (`$defs/envelope` in the schema). */
export interface LedgerCommandEnvelope<TType extends string> {
  readonly schemaVersion: 1;
  readonly commandId: string;
  readonly type: TType;
  readonly account: AccountIdString;
  readonly issuedAt: Timestamp;
  readonly causationId?: string;
  /** Required on privileged commands: the issuing service's HMAC (docs/contracts.md, Who may issue what). */
  readonly signature?: CommandSignatureV1;
  /** Who asked (set by the clearing API and the CLI): journaled with the events, covered by the signature. */
  readonly attribution?: AttributionV1;
}

/** Who issued a command, when, through which door and with which API key (never the key itself). */
export interface AttributionV1 {
  readonly principal: string;
  readonly keyId?: string;
  readonly at: Timestamp;
  readonly via: 'api' | 'cli' | 'ops';
}

export interface CommandSignatureV1 {
  readonly issuer: 'position-aggregator' | 'margin-calculator' | 'deleveraging-engine' | 'admin';
  /** HMAC-SHA256, lower-case hex, over `<issuer>\n<canonical JSON of the command without signature>`. */
  readonly hmac: string;
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
  /** Required when the account carries risk (an open position or a negative balance). */
  readonly marginApproval?: MarginApprovalV1;
}

/**
 * The margin calculator's approval of a withdrawal, computed from the account's state at `journalSequence`:
 * the journal writer books the withdrawal only while the account is still at that sequence.
 */
export interface MarginApprovalV1 {
  /** The account's journal sequence (last event folded in) the approval was computed at. */
  readonly journalSequence: number;
  /** Who approved, e.g. `margin-calculator`. */
  readonly approvedBy: string;
  /** Free collateral after the withdrawal, USD in whole cents (>= 0): for audit. */
  readonly freeCollateralUsd: DecimalString;
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
  /** Per underlying unit (docs/contracts.md, Prices). */
  readonly price: DecimalString;
  /** The band `clearing verify` checks `price` against: mark and bankruptcy price per underlying unit. */
  readonly markPrice?: DecimalString;
  readonly bankruptcyPrice?: DecimalString;
  readonly toAccount: AccountIdString;
  readonly fee?: DecimalString;
  readonly feeAsset?: AssetCodeString;
  /** Lets an account without a position in the instrument (the backstop) open one. */
  readonly terms?: InstrumentTermsV1;
}

export interface InsuranceFundDrawCommandV1 extends LedgerCommandEnvelope<'InsuranceFundDraw'> {
  readonly caseId: string;
  readonly asset: AssetCodeString;
  readonly amount: DecimalString;
}

/** The uncovered part of a bankrupt account's debt, written off into its shard's socialized-loss pool. */
export interface SocializeLossCommandV1 extends LedgerCommandEnvelope<'SocializeLoss'> {
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
  /** The deleveraged position's bankruptcy price, per underlying unit. */
  readonly price: DecimalString;
  /** The band `clearing verify` checks `price` against: mark and bankruptcy price per underlying unit. */
  readonly markPrice?: DecimalString;
  readonly bankruptcyPrice?: DecimalString;
  /** Lets an account without a position in the instrument open one. */
  readonly terms?: InstrumentTermsV1;
}

/**
 * What a leg books against: a snapshot of the instrument's terms at intake, so the journal writer and
 * any replay need no instrument registry to book it (the journal is self-describing).
 */
export interface InstrumentTermsV1 {
  readonly instrument: InstrumentSymbol;
  readonly kind: 'spot' | 'perpetual' | 'future' | 'option';
  /** Spot only: the asset delivered (a BTC-USDC spot fill moves BTC). */
  readonly baseAsset?: AssetCodeString;
  /** Cash asset of premiums, fees, P&L and settlement (e.g. USDC). */
  readonly settlementAsset: AssetCodeString;
  /** Decimal places of the position units (lot size 0.001 means at least 3). */
  readonly positionScale: number;
  /** Underlying units per contract. */
  readonly contractSize: DecimalString;
  readonly expiry?: Timestamp;
  readonly strike?: DecimalString;
  readonly optionType?: 'call' | 'put';
}

/**
 * One side of a novated fill, addressed to that trader's account partition: the trader versus the CCP.
 * Produced by the aggregator's fill intake (never by upstream), two per fill in one Kafka transaction.
 */
export interface FillLegCommandV1 extends LedgerCommandEnvelope<'FillLeg'> {
  readonly fillId: string;
  /** This account's side of the trade. */
  readonly side: Side;
  /** The original counterparty, for audit: after novation the CCP is the legal counterparty. */
  readonly counterpartyAccount: AccountIdString;
  readonly terms: InstrumentTermsV1;
  readonly price: DecimalString;
  readonly quantity: DecimalString;
  /** This account's fee (negative is a rebate), in `feeAsset`. */
  readonly fee: DecimalString;
  readonly feeAsset: AssetCodeString;
  readonly venue: string;
  readonly venueSequence: number;
  /** sha-256 of the canonical original fill: the same fill id with another hash is a conflict. */
  readonly fillHash: string;
}

/**
 * Internal: an instrument expired at `settlementPrice`. One per journal shard, keyed by that shard's CCP
 * account and sent to partition `shard`, whose single writer settles every holder of the instrument.
 */
export interface InstrumentExpiryCommandV1 extends LedgerCommandEnvelope<'InstrumentExpiry'> {
  readonly shard: number;
  readonly instrument: InstrumentSymbol;
  readonly settlementPrice: DecimalString;
  readonly expiry: Timestamp;
}

/**
 * Internal: a perpetual's funding period ended at `fundingTime` with the oracle's (clamped) rate. One per
 * journal shard, keyed by that shard's CCP account, whose single writer settles every account that held
 * the perpetual at `fundingTime`.
 */
export interface InstrumentFundingCommandV1 extends LedgerCommandEnvelope<'InstrumentFunding'> {
  readonly shard: number;
  readonly instrument: InstrumentSymbol;
  /** Positive: longs pay shorts. */
  readonly fundingRate: DecimalString;
  readonly markPrice: DecimalString;
  readonly fundingTime: Timestamp;
}

/**
 * Internal: the journal writer's clock read `issuedAt` for one shard; closes the shard's open netting cycle
 * when it is due by then (the close is journaled as a ClockTicked event), else journals nothing.
 */
export interface ClockTickCommandV1 extends LedgerCommandEnvelope<'ClockTick'> {
  readonly shard: number;
}

/** Onboards an account, or with `parentAccount` a sub-account (`isolated`: margined on its own). Issuer admin. */
export interface OpenAccountCommandV1 extends LedgerCommandEnvelope<'OpenAccount'> {
  readonly parentAccount?: AccountIdString;
  readonly isolated?: boolean;
}

/** New fills refused at intake, withdrawals refused; deposits and liquidation still booked. Issuer admin. */
export interface SuspendAccountCommandV1 extends LedgerCommandEnvelope<'SuspendAccount'> {
  readonly reason: string;
}

/** Refused unless the account holds no open position and a zero balance in every asset. Issuer admin. */
export type CloseAccountCommandV1 = LedgerCommandEnvelope<'CloseAccount'>;
