import { CCP_ACCOUNT_PREFIX, isSystemAccount, sumByAsset } from '@clearing/ledger';
import { CheckResult, checkResult } from './check-result';
import { JournalFold } from './journal-fold';
import { checkLiquidationPrices } from './liquidation-price-check';

/** Every journal record decodes into a balanced event (amounts at the asset's scale, known schema). */
export function checkDecodes(fold: JournalFold): CheckResult {
  return checkResult('journal-decodes', fold.decodeProblems);
}

/** Nothing created or destroyed: each asset sums to zero over all accounts, system ones included. */
export function checkZeroSum(fold: JournalFold): CheckResult {
  const problems = [...sumByAsset(fold.balances)]
    .filter(([, sum]) => sum !== 0n)
    .map(([asset, sum]) => `${asset} sums to ${formatted(fold, asset, sum)}, not 0`);
  return checkResult('zero-sum', problems);
}

/**
 * The CCP is flat: summed over its shard sub-accounts, its position in every instrument is zero (each
 * leg faces the CCP of its own shard, so only the pair of legs nets out).
 */
export function checkCcpFlat(fold: JournalFold): CheckResult {
  const net = new Map<string, bigint>();
  for (const [account, assets] of fold.balances) {
    if (!account.startsWith(CCP_ACCOUNT_PREFIX) || !isSystemAccount(account)) continue;
    for (const [asset, amount] of assets) {
      if (fold.codec.assets.has(asset) && fold.codec.assets.get(asset).kind === 'position')
        net.set(asset, (net.get(asset) ?? 0n) + amount);
    }
  }
  const problems = [...net]
    .filter(([, amount]) => amount !== 0n)
    .map(
      ([instrument, amount]) => `CCP net ${instrument} position is ${formatted(fold, instrument, amount)}`,
    );
  return checkResult('ccp-flat', problems);
}

/** Novation is complete: every fill id has exactly one buy leg and one sell leg. */
export function checkFillLegs(fold: JournalFold): CheckResult {
  const problems = [...fold.legs]
    .filter(([, legs]) => legs.buy !== 1 || legs.sell !== 1)
    .map(([fillId, legs]) => `fill ${fillId}: ${legs.buy} buy leg(s), ${legs.sell} sell leg(s)`);
  return checkResult('fill-legs', problems);
}

/** Each account's events carry 1, 2, ..., n: no gap (lost event), no duplicate (double booking). */
export function checkSequences(fold: JournalFold): CheckResult {
  return checkResult('sequences', fold.sequenceProblems);
}

/** An event id is its command's idempotency key: two events with one id are a double booking. */
export function checkEventIdsUnique(fold: JournalFold): CheckResult {
  return checkResult('event-ids-unique', fold.duplicateIdProblems);
}

export function journalChecks(fold: JournalFold): CheckResult[] {
  return [
    checkDecodes,
    checkZeroSum,
    checkCcpFlat,
    checkFillLegs,
    checkSequences,
    checkEventIdsUnique,
    checkLiquidationPrices,
  ].map((check) => check(fold));
}

/** A decimal at the asset's scale when it is known; raw minor units otherwise. */
export function formatted(fold: JournalFold, asset: string, minor: bigint): string {
  return fold.codec.assets.has(asset) ? fold.codec.assets.format(asset, minor) : `${minor} minor units`;
}
