import { AccountId } from '../posting';

/**
 * Accounts the clearinghouse itself holds. Each is split per journal shard (Kafka partition of the
 * account-keyed topics) because every event is written by one shard's single writer: a leg of a fill
 * balances against the CCP's sub-account of the trader's own shard, so legs never cross partitions.
 * Summed over shards, the CCP's position in every instrument is zero once both legs of every fill exist.
 */
export const SystemAccount = {
  ccp: (shard: number): AccountId => `CCP-${shard}`,
  fees: (shard: number): AccountId => `FEES-${shard}`,
  /** The outside world: deposits come from it and withdrawals go to it, so the ledger stays zero-sum. */
  external: (shard: number): AccountId => `EXTERNAL-${shard}`,
  insuranceFund: (shard: number): AccountId => `INSURANCE-FUND-${shard}`,
  /** Socialized losses not yet absorbed (negative): written-off debts in, withdrawal haircuts out. */
  socializedLoss: (shard: number): AccountId => `SOCIALIZED-LOSS-${shard}`,
} as const;

const SYSTEM_PREFIXES = ['CCP-', 'FEES-', 'EXTERNAL-', 'INSURANCE-FUND-', 'SOCIALIZED-LOSS-'];

export function isSystemAccount(account: AccountId): boolean {
  return SYSTEM_PREFIXES.some(
    (prefix) => account.startsWith(prefix) && /^\d+$/.test(account.slice(prefix.length)),
  );
}

/**
 * The accounts whose cash only ever moves as the other side of a booking (a fill, a deposit, a fee): a
 * Deposit or WithdrawalRequest naming one of them is refused. The insurance fund is not among them: it
 * is funded and emptied by the operator, with signed commands.
 */
export function isBookkeepingAccount(account: AccountId): boolean {
  return isSystemAccount(account) && !account.startsWith('INSURANCE-FUND-');
}

/**
 * The shard a system account belongs to (`CCP-p`, `FEES-p`, `EXTERNAL-p`, `INSURANCE-FUND-p` are shard p's):
 * its commands are decided by that shard's writer, the one that journals its own events (the CCP's clock
 * ticks and funding periods, the fund's draws and fees), so each such account has one sequence counter.
 * Undefined for any other account (owned by the partition its key hashes to).
 */
export function systemAccountShardOf(account: AccountId): number | undefined {
  if (!isSystemAccount(account)) return undefined;
  return Number(/\d+$/.exec(account)![0]);
}

/** The CCP sub-accounts' prefix: `clearing verify` sums them to check the CCP is flat. */
export const CCP_ACCOUNT_PREFIX = 'CCP-';
