import { AccountId } from '../posting';
import { InstrumentTerms } from './terms';

/**
 * What the journal writer decides on, with amounts already exact (the aggregator maps the wire
 * commands of ledger.commands.v1 onto these). Every command names the account whose partition owns it.
 */
export type BookCommand =
  | FillLeg
  | Deposit
  | WithdrawalRequest
  | FundingSettlement
  | OptionExpirySettlement
  | PositionTransfer
  | InsuranceFundDraw
  | SocializeLoss
  | ReferenceChange
  | AccountLifecycle;

interface CommandBase {
  readonly commandId: string;
  readonly account: AccountId;
  /** Event time of the fact behind the command: the journal's clock (never the wall clock). */
  readonly occurredAt: string;
  /** SHA-256 of the wire command's canonical JSON, set by the writer: tells a duplicate from a conflict. */
  readonly commandHash?: string;
  /** Who asked, through which door and key: journaled in the payload of the events the command causes. */
  readonly attribution?: Attribution;
}

/** As on the wire (ledger.commands.v1 `attribution`); copied into each event's `payload.attribution`. */
export interface Attribution {
  readonly principal: string;
  readonly keyId?: string;
  readonly at: string;
  readonly via: string;
}

export interface FillLeg extends CommandBase {
  readonly type: 'FillLeg';
  readonly fillId: string;
  readonly side: 'buy' | 'sell';
  readonly counterpartyAccount: AccountId;
  readonly terms: InstrumentTerms;
  readonly price: bigint;
  readonly quantity: bigint;
  readonly fee: bigint;
  readonly feeAsset: string;
  readonly venue: string;
  readonly venueSequence: number;
  readonly fillHash: string;
}

export interface Deposit extends CommandBase {
  readonly type: 'Deposit';
  readonly asset: string;
  readonly amount: bigint;
}

export interface WithdrawalRequest extends CommandBase {
  readonly type: 'WithdrawalRequest';
  readonly asset: string;
  readonly amount: bigint;
  /** Required when the account carries risk (an open position or a debt); see decide-withdrawal.ts. */
  readonly marginApproval?: MarginApproval;
}

/** The margin calculator's sign-off on a withdrawal, valid only at the journal sequence it was computed at. */
export interface MarginApproval {
  /** The account's journal sequence (last event folded in) the free collateral was computed from. */
  readonly journalSequence: number;
  /** Who approved, e.g. `margin-calculator`. */
  readonly approvedBy: string;
  /** Free collateral left after the withdrawal, USD decimal string: journaled for audit, never computed on here. */
  readonly freeCollateralUsd: string;
}

export interface FundingSettlement extends CommandBase {
  readonly type: 'FundingSettlement';
  readonly instrument: string;
  /** Rate per period as an exact decimal: positive means longs pay shorts. */
  readonly rate: { readonly minor: bigint; readonly scale: number };
  readonly markPrice: bigint;
}

export interface OptionExpirySettlement extends CommandBase {
  readonly type: 'OptionExpirySettlement';
  readonly instrument: string;
  readonly settlementPrice: bigint;
}

/** Liquidation and auto-deleveraging: this account trades against the CCP at a set price, plus a fee to the insurance fund. */
export interface PositionTransfer extends CommandBase {
  readonly type: 'LiquidationTransfer' | 'AutoDeleverage';
  readonly caseId: string;
  readonly instrument: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: bigint;
  /** Per underlying unit, settlement minor units, like every ledger price (terms.ts, price convention). */
  readonly price: bigint;
  /**
   * The band the price must lie in, as the engine saw it when it decided the step (journaled so that
   * `clearing verify` can check every transfer exactly): the mark per underlying unit, and the closed
   * position's bankruptcy price (absent for a delta hedge, which trades at the mark).
   */
  readonly markPrice?: bigint;
  readonly bankruptcyPrice?: bigint;
  readonly counterpartyAccount: AccountId;
  readonly fee: bigint;
  /** For an account that holds no position in the instrument yet (a backstop taking one over). */
  readonly terms?: InstrumentTerms;
}

export interface InsuranceFundDraw extends CommandBase {
  readonly type: 'InsuranceFundDraw';
  readonly caseId: string;
  readonly asset: string;
  readonly amount: bigint;
}

/** The bankrupt account's debt nobody covered, written off into the loss pool its shard's holders absorb. */
export interface SocializeLoss extends CommandBase {
  readonly type: 'SocializeLoss';
  readonly caseId: string;
  readonly asset: string;
  readonly amount: bigint;
}

/** Instrument registrations and risk-parameter changes: journaled (so replays reproduce them), no money moves. */
export interface ReferenceChange extends CommandBase {
  readonly type: 'RegisterInstrument' | 'RiskParamsChange';
  readonly details: { readonly [key: string]: string | number };
}

/** Onboarding, suspension and closing of an account: journaled, no money moves (decide-account.ts). */
export type AccountLifecycle =
  | (CommandBase & {
      readonly type: 'OpenAccount';
      readonly parentAccount?: AccountId;
      readonly marginMode: 'cross' | 'isolated';
    })
  | (CommandBase & { readonly type: 'SuspendAccount'; readonly reason: string })
  | (CommandBase & { readonly type: 'CloseAccount' });
