import { Injectable } from '@nestjs/common';
import { JournalEvent } from '@clearing/ledger';

export type WithdrawalVerdict =
  | {
      readonly status: 'booked';
      readonly sequence: number;
      /** Under an open socialized loss: what was paid out and what the factor kept (decimal strings). */
      readonly paidOut?: string;
      readonly haircut?: string;
    }
  | { readonly status: 'refused'; readonly sequence: number; readonly reason: string }
  | { readonly status: 'pending' };

/**
 * Withdrawal commands waiting for the journal writer's verdict, matched by causation id as the journal loop
 * folds the account's events (WithdrawalApproved / WithdrawalRejected).
 */
@Injectable()
export class WithdrawalVerdicts {
  private readonly waiting = new Map<string, (verdict: WithdrawalVerdict) => void>();

  observe(event: JournalEvent): void {
    const resolve = event.causationId === undefined ? undefined : this.waiting.get(event.causationId);
    if (resolve === undefined) return;
    const sequence = event.sequence ?? 0;
    if (event.type === 'WithdrawalApproved') resolve({ status: 'booked', sequence, ...haircutOf(event) });
    if (event.type === 'WithdrawalRejected')
      resolve({ status: 'refused', sequence, reason: String(event.payload.reason) });
  }

  /** Resolves with the verdict, or `pending` after `timeoutMs` (the command is in the log either way). */
  wait(commandId: string, timeoutMs: number): Promise<WithdrawalVerdict> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish({ status: 'pending' }), timeoutMs);
      const finish = (verdict: WithdrawalVerdict) => {
        clearTimeout(timer);
        this.waiting.delete(commandId);
        resolve(verdict);
      };
      this.waiting.set(commandId, finish);
    });
  }
}

/** The split the writer journaled when a socialized loss was open (docs/LIQUIDATION.md). */
function haircutOf(event: JournalEvent): { paidOut?: string; haircut?: string } {
  const { paidOut, haircut } = event.payload;
  return typeof paidOut === 'string' && typeof haircut === 'string' ? { paidOut, haircut } : {};
}
