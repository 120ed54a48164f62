import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mayAccessAccount, Principal, seesEveryAccount } from '@clearing/access';

/** Deeper than any real hierarchy; stops a (corrupt) parent cycle from recursing forever. */
const MAX_ACCOUNT_DEPTH = 32;
/** Ancestries kept in memory; past this the oldest is dropped (read again when asked). */
const MAX_CACHED_ANCESTRIES = 100_000;

/**
 * The "own account" check: an account key reaches its account and the sub-accounts below it. Another
 * account answers 404 exactly like an unknown one, so a key learns nothing about accounts it may not see.
 */
@Injectable()
export class AccountAccess {
  /**
   * Ancestries of existing accounts. Safe to keep: an account's parent is set when it is opened and never
   * changes, accounts are never deleted, and the own-account rule reads the chain only (a suspended or
   * closed account stays its owner's to read). Unknown accounts are not kept: they may be opened later.
   */
  private readonly ancestries = new Map<string, readonly string[]>();

  constructor(private readonly db: DataSource) {}

  async assertMayAccess(principal: Principal, accountId: string): Promise<void> {
    if (!(await this.mayAccess(principal, accountId))) throw new NotFoundException(`no account ${accountId}`);
  }

  async mayAccess(principal: Principal, accountId: string): Promise<boolean> {
    const ancestry = await this.ancestryOf(accountId);
    return ancestry.length > 0 && mayAccessAccount(principal, ancestry);
  }

  /**
   * The account ids a list may show this principal, or undefined for "every account" (staff). Pass it to
   * SQL as `$n::text[] IS NULL OR account_id = ANY($n)`.
   */
  async visibleAccounts(principal: Principal): Promise<string[] | undefined> {
    if (seesEveryAccount(principal)) return undefined;
    const rows = (await this.db.query(
      `WITH RECURSIVE tree(account_id, depth) AS (
         SELECT account_id, 0 FROM accounts WHERE account_id = $1
         UNION ALL
         SELECT a.account_id, t.depth + 1 FROM accounts a JOIN tree t ON a.parent_account_id = t.account_id
         WHERE t.depth < $2)
       SELECT account_id FROM tree`,
      [principal.accountId, MAX_ACCOUNT_DEPTH],
    )) as { account_id: string }[];
    return rows.map((row) => row.account_id);
  }

  /** `[account, parent, grandparent, ...]`; empty when the account does not exist. */
  private async ancestryOf(accountId: string): Promise<readonly string[]> {
    const cached = this.ancestries.get(accountId);
    if (cached) return cached;
    const ancestry = await this.readAncestry(accountId);
    if (ancestry.length > 0) {
      if (this.ancestries.size >= MAX_CACHED_ANCESTRIES)
        this.ancestries.delete(this.ancestries.keys().next().value as string);
      this.ancestries.set(accountId, ancestry);
    }
    return ancestry;
  }

  private async readAncestry(accountId: string): Promise<string[]> {
    const rows = (await this.db.query(
      `WITH RECURSIVE chain(account_id, parent_account_id, depth) AS (
         SELECT account_id, parent_account_id, 0 FROM accounts WHERE account_id = $1
         UNION ALL
         SELECT a.account_id, a.parent_account_id, c.depth + 1 FROM accounts a
         JOIN chain c ON a.account_id = c.parent_account_id WHERE c.depth < $2)
       SELECT account_id FROM chain ORDER BY depth`,
      [accountId, MAX_ACCOUNT_DEPTH],
    )) as { account_id: string }[];
    return rows.map((row) => row.account_id);
  }
}
