import { AccountId, isSystemAccount } from '@clearing/ledger';
import { AccountMargin, centsDifference } from '@clearing/risk';

/**
 * Only traders are liquidated. The clearinghouse's own accounts (CCP, fees, the outside world, the
 * insurance funds and the backstop that takes positions over) are where the waterfall ends: liquidating
 * one trades it against itself and pays its fees to its own fund (issue 12, defect 2). Their risk is a
 * solvency figure (`marginShortfallUsd`), watched by an alert and met by funding, not by a case.
 */
export function isLiquidationCandidate(account: AccountId, backstopAccount: AccountId): boolean {
  return account !== backstopAccount && !isSystemAccount(account);
}

/**
 * How far an account's margin NLV is below its maintenance requirement, USD in whole cents (0 when it
 * is covered): for the backstop, what it must be funded with to carry what it took over. A risk float
 * for monitoring; it moves no money.
 */
export function marginShortfallUsd(margin: AccountMargin): number {
  const shortfall = centsDifference(margin.required.mmUsd, margin.marginNlvUsd);
  return shortfall > 0 ? shortfall : 0;
}
