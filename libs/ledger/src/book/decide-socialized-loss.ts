import { formatAmount } from '../amount';
import { JournalEvent } from '../journal-event';
import { AccountBook } from './account-book';
import { SocializeLoss } from './commands';
import { DecideContext, nextEvent, rejection, transfer } from './event-builder';
import { socializedLossFactorPpm } from './socialized-loss';
import { SystemAccount } from './system-accounts';

/**
 * The last step of the waterfall: the bankrupt account's debt that nobody covered is written off into
 * the shard's loss pool (`SOCIALIZED-LOSS-<shard>`, negative while the loss is open), and the factor the
 * holders' withdrawals will be paid at is fixed here, over the claims held now. Only a debt the account
 * actually has is written off, at most the amount the engine declared.
 */
export function decideSocializeLoss(
  book: AccountBook,
  loss: SocializeLoss,
  context: DecideContext,
): JournalEvent {
  const debt = -book.balance(loss.asset);
  const written = debt < loss.amount ? debt : loss.amount;
  if (written <= 0n)
    return rejection(book, context, loss, `${book.account} owes no ${loss.asset} to socialize`);
  const losses = context.facts.socializedLosses;
  let claims = 0n;
  for (const amount of losses.claims(loss.asset).values()) claims += amount;
  const factorPpm = socializedLossFactorPpm(losses.outstanding(loss.asset) + written, claims);
  const scale = context.scaleOf(loss.asset);
  return nextEvent(book, context, {
    ...loss,
    type: 'LossSocialized',
    postings: transfer(SystemAccount.socializedLoss(context.shard), book.account, loss.asset, written),
    payload: {
      caseId: loss.caseId,
      asset: loss.asset,
      amount: formatAmount(written, scale),
      claims: formatAmount(claims, scale),
      factorPpm: factorPpm.toString(),
    },
  });
}
