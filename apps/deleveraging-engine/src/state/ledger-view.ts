import { partitionOfKey } from '@clearing/kafka';
import { isSystemAccount, JournalEvent, SystemAccount } from '@clearing/ledger';
import { MarginEngine } from '@clearing/margin-engine';

const FUND_PREFIX = SystemAccount.insuranceFund(0).replace(/0$/, '');

/**
 * The margin engine's fold of the owned journal partitions (accounts and marks), plus the insurance
 * fund balances of their shards: every posting to an INSURANCE-FUND-<shard> account (liquidation fees,
 * draws, a deposit that seeds the fund) in the events it sees, each event counted once per account
 * sequence like the account books, so a restore and a redelivered batch agree.
 */
export class LedgerView extends MarginEngine {
  private readonly funds = new Map<string, Map<string, bigint>>();
  private readonly seen = new Map<string, number>();

  override applyJournal(events: readonly JournalEvent[]): Set<string> {
    for (const event of events) {
      const sequence = event.sequence ?? 0;
      if (sequence <= (this.seen.get(event.account) ?? 0)) continue;
      this.seen.set(event.account, sequence);
      for (const posting of event.postings) {
        if (!posting.account.startsWith(FUND_PREFIX) || !isSystemAccount(posting.account)) continue;
        const balances = this.funds.get(posting.account) ?? new Map<string, bigint>();
        balances.set(posting.asset, (balances.get(posting.asset) ?? 0n) + posting.amount);
        this.funds.set(posting.account, balances);
      }
    }
    return super.applyJournal(events);
  }

  fundBalance(fundAccount: string, asset: string): bigint {
    return this.funds.get(fundAccount)?.get(asset) ?? 0n;
  }

  /**
   * Events of the partition's (non-system) accounts folded so far: a journal position that only grows and
   * that two instances folding the same journal prefix agree on (what orders risk summaries).
   */
  eventsOf(partition: number, partitionCount: number): number {
    let events = 0;
    for (const [account, sequence] of this.seen)
      if (!isSystemAccount(account) && partitionOfKey(account, partitionCount) === partition)
        events += sequence;
    return events;
  }

  /** Every fund account seen with its balance per asset. */
  fundBalances(): { account: string; asset: string; balance: bigint }[] {
    return [...this.funds].flatMap(([account, balances]) =>
      [...balances].map(([asset, balance]) => ({ account, asset, balance })),
    );
  }
}
