import { FillInput } from '../messages-of-engine';

/** A deposit the broker acknowledged on ledger.commands.v1 (as operations would publish it). */
export interface AcknowledgedDeposit {
  readonly commandId: string;
  readonly account: string;
  /** USDC, decimal string. */
  readonly amount: string;
}

/**
 * What the margin calculator answered to a withdrawal request: `booked` and `refused` are the ledger's
 * verdict (200), `declined` a 4xx before any command was sent, `unknown` anything else (timeout, 5xx,
 * connection refused while it restarts, `pending`): the command may or may not be in the log.
 */
export type WithdrawalOutcome = 'booked' | 'refused' | 'declined' | 'unknown';

export interface RequestedWithdrawal {
  readonly commandId: string;
  readonly account: string;
  readonly amount: string;
  readonly outcome: WithdrawalOutcome;
  readonly detail: string;
}

/**
 * Everything the load generator got acknowledged, kept apart from the system under test: the fold that
 * says what every account must hold is computed from this record alone.
 */
export class AcknowledgedLoad {
  /** Good fills whose publication the broker acknowledged, by fill id (re-publications count once). */
  readonly fills = new Map<string, FillInput>();
  readonly deposits = new Map<string, AcknowledgedDeposit>();
  readonly withdrawals: RequestedWithdrawal[] = [];
  /** Deposits deliberately published a second time with the same command id (must book once). */
  republishedDeposits = 0;
  quoteBatches = 0;

  summary(): string {
    const outcomes = new Map<string, number>();
    for (const w of this.withdrawals) outcomes.set(w.outcome, (outcomes.get(w.outcome) ?? 0) + 1);
    const withdrawals = [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(', ') || 'none';
    return (
      `${this.fills.size} fills, ${this.deposits.size} deposits (${this.republishedDeposits} re-published), ` +
      `withdrawals: ${withdrawals}, ${this.quoteBatches} quote batches`
    );
  }
}
