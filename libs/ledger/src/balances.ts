import { AssetCode } from './assets';
import { JournalEvent } from './journal-event';
import { AccountId } from './posting';

/** Account -> asset -> minor units. Zero balances are absent, so equal states have equal shapes. */
export type Balances = ReadonlyMap<AccountId, ReadonlyMap<AssetCode, bigint>>;

export const EMPTY_BALANCES: Balances = new Map();

export function balanceOf(balances: Balances, account: AccountId, asset: AssetCode): bigint {
  return balances.get(account)?.get(asset) ?? 0n;
}

/** Pure fold step: returns new balances with the event's postings applied; the input is untouched. */
export function applyPostings(balances: Balances, event: JournalEvent): Balances {
  const next = new Map(balances);
  for (const posting of event.postings) {
    const assets = new Map(next.get(posting.account) ?? []);
    const amount = (assets.get(posting.asset) ?? 0n) + posting.amount;
    if (amount === 0n) {
      assets.delete(posting.asset);
    } else {
      assets.set(posting.asset, amount);
    }
    if (assets.size === 0) {
      next.delete(posting.account);
    } else {
      next.set(posting.account, assets);
    }
  }
  return next;
}

/** Sum over all accounts per asset; every value is zero in a consistent ledger. */
export function sumByAsset(balances: Balances): ReadonlyMap<AssetCode, bigint> {
  const sums = new Map<AssetCode, bigint>();
  for (const assets of balances.values()) {
    for (const [asset, amount] of assets) {
      sums.set(asset, (sums.get(asset) ?? 0n) + amount);
    }
  }
  return sums;
}

export class LedgerInvariantError extends Error {
  override readonly name = 'LedgerInvariantError';
}

/** Crashes loudly if any asset does not sum to zero: value was created or destroyed somewhere. */
export function assertZeroSum(balances: Balances): void {
  const nonZero = [...sumByAsset(balances)].filter(([, sum]) => sum !== 0n);
  if (nonZero.length > 0) {
    const detail = nonZero.map(([asset, sum]) => `${asset}=${sum}`).join(', ');
    throw new LedgerInvariantError(`zero-sum invariant broken: ${detail} (minor units)`);
  }
}
