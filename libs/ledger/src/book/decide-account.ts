import { JournalEvent } from '../journal-event';
import { AccountBook } from './account-book';
import { AccountLifecycle } from './commands';
import { DecideContext, nextEvent, rejection } from './event-builder';
import { isBookkeepingAccount } from './system-accounts';

/**
 * Onboarding, suspension and closing (issue 13). The writer of the account's partition is the one place
 * that sees its positions and balances, so it alone can refuse closing an account that still holds any;
 * the aggregator's `accounts` table is projected from these events and gates fills at intake.
 */
export function decideAccountCommand(
  book: AccountBook,
  command: AccountLifecycle,
  context: DecideContext,
): JournalEvent {
  const refusal = lifecycleRefusalOf(book, command);
  if (refusal !== undefined) return rejection(book, context, command, refusal);
  switch (command.type) {
    case 'OpenAccount':
      return nextEvent(book, context, {
        ...command,
        type: 'AccountOpened',
        postings: [],
        payload: {
          marginMode: command.marginMode,
          ...(command.parentAccount ? { parentAccount: command.parentAccount } : {}),
        },
      });
    case 'SuspendAccount':
      return nextEvent(book, context, {
        ...command,
        type: 'AccountSuspended',
        postings: [],
        payload: { reason: command.reason },
      });
    case 'CloseAccount':
      return nextEvent(book, context, { ...command, type: 'AccountClosed', postings: [], payload: {} });
  }
}

function lifecycleRefusalOf(book: AccountBook, command: AccountLifecycle): string | undefined {
  const { account, status } = book;
  if (isBookkeepingAccount(account)) return `system account ${account} has no lifecycle`;
  if (command.type === 'OpenAccount') {
    if (command.parentAccount === account) return `account ${account} cannot be its own parent`;
    return status === undefined ? undefined : `account ${account} is already ${statusWord(book)}`;
  }
  if (status === undefined) return `account ${account} was never opened`;
  if (status === 'closed') return `account ${account} is closed`;
  if (command.type === 'SuspendAccount')
    return status === 'suspended' ? `account ${account} is already suspended` : undefined;
  const holdings = book.holdings();
  return holdings.length === 0
    ? undefined
    : `account ${account} cannot close while it holds ${holdings.join(', ')}`;
}

/**
 * Why cash may not move for this account's status: a closed account takes no deposit or withdrawal, a
 * suspended one no withdrawal (deposits stay allowed, so it can be recapitalised). Trades, liquidation,
 * funding and expiry are never refused for status here: a fill leg refused after its twin was booked
 * would leave the CCP unflat, so fills are gated at intake instead.
 */
export function cashStatusRefusalOf(book: AccountBook, direction: 'in' | 'out'): string | undefined {
  if (book.status === 'closed') return `account ${book.account} is closed`;
  if (book.status === 'suspended' && direction === 'out')
    return `account ${book.account} is suspended: withdrawals are refused`;
  return undefined;
}

function statusWord(book: AccountBook): string {
  return book.status === 'active' ? 'open' : String(book.status);
}
