import { formatAmount } from '../amount';
import { JournalEvent } from '../journal-event';
import { JsonObject } from '../json';
import { AccountBook } from './account-book';
import { MarginApproval, WithdrawalRequest } from './commands';
import { cashStatusRefusalOf } from './decide-account';
import { DecideContext, nextEvent, transfer } from './event-builder';
import { Haircut } from './socialized-loss';
import { SystemAccount } from './system-accounts';

/**
 * Cash leaves only if the account holds it and, when the account carries risk, with a margin approval
 * computed at the account's current journal sequence (optimistic concurrency). The writer is the single
 * owner of the account's partition and decides its commands one at a time, so the sequence compared here
 * is the one the withdrawal books against: a fill booked after the approval makes it stale, never racy.
 */
export function decideWithdrawal(
  book: AccountBook,
  request: WithdrawalRequest,
  context: DecideContext,
): JournalEvent {
  const scale = context.scaleOf(request.asset);
  const payload: JsonObject = {
    asset: request.asset,
    amount: formatAmount(request.amount, scale),
    ...(request.marginApproval ? { marginApproval: approvalPayload(request.marginApproval) } : {}),
  };
  const reason = refusalOf(book, request, scale);
  if (reason !== undefined)
    return nextEvent(book, context, {
      ...request,
      type: 'WithdrawalRejected',
      postings: [],
      payload: { ...payload, reason },
    });
  const cut = context.facts.socializedLosses.haircutOf(book.account, request.asset, request.amount);
  const haircut = cut?.haircut ?? 0n;
  return nextEvent(book, context, {
    ...request,
    type: 'WithdrawalApproved',
    postings: [
      ...transfer(
        book.account,
        SystemAccount.external(context.shard),
        request.asset,
        request.amount - haircut,
      ),
      ...transfer(book.account, SystemAccount.socializedLoss(context.shard), request.asset, haircut),
    ],
    payload: cut === undefined ? payload : { ...payload, ...haircutPayload(cut, request.amount, scale) },
  });
}

/**
 * Under an open socialized loss the account gives up the whole amount, the outside receives the part the
 * factor pays, and the rest absorbs the loss: journaled so a replay and an auditor see the same split.
 */
function haircutPayload(cut: Haircut, amount: bigint, scale: number): JsonObject {
  return {
    paidOut: formatAmount(amount - cut.haircut, scale),
    haircut: formatAmount(cut.haircut, scale),
    lossExposed: formatAmount(cut.exposed, scale),
    factorPpm: cut.factorPpm.toString(),
  };
}

function refusalOf(book: AccountBook, request: WithdrawalRequest, scale: number): string | undefined {
  if (request.amount <= 0n) return 'withdrawal amount must be positive';
  const statusRefusal = cashStatusRefusalOf(book, 'out');
  if (statusRefusal !== undefined) return statusRefusal;
  const marginRefusal = marginRefusalOf(book, request.marginApproval);
  if (marginRefusal !== undefined) return marginRefusal;
  const available = book.balance(request.asset);
  if (available < request.amount)
    return `insufficient ${request.asset}: available ${formatAmount(available, scale)}, requested ${formatAmount(request.amount, scale)}`;
  return undefined;
}

/**
 * An approval, when given, must be current even for an account without risk, so a caller sees one rule;
 * without one, only an account carrying no risk may withdraw (its free collateral is its cash).
 */
function marginRefusalOf(book: AccountBook, approval: MarginApproval | undefined): string | undefined {
  if (approval === undefined)
    return book.carriesRisk() ? 'withdrawal needs a margin approval: the account carries risk' : undefined;
  if (approval.journalSequence !== book.sequence)
    return `stale margin approval: approved at sequence ${approval.journalSequence}, the account is at ${book.sequence}; re-check`;
  return undefined;
}

function approvalPayload(approval: MarginApproval): JsonObject {
  return {
    journalSequence: approval.journalSequence,
    approvedBy: approval.approvedBy,
    freeCollateralUsd: approval.freeCollateralUsd,
  };
}
