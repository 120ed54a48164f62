import { AccountBook, isSystemAccount, JournalEvent, LedgerInvariantError } from '@clearing/ledger';

/**
 * The accounts of the journal partitions this instance owns: each a fold of its journal events (the ledger's
 * own AccountBook, so the calculator cannot disagree with the writer), plus an index from what is held
 * (instrument or collateral asset) to the accounts holding it, so a mark touches only its holders.
 */
export class AccountIndex {
  private readonly books = new Map<string, AccountBook>();
  private readonly holders = new Map<string, Set<string>>();
  private readonly heldBy = new Map<string, readonly string[]>();

  /**
   * Folds one event at most once: a sequence at or below the book's is already in (a replay after a restore
   * or a redelivery) and returns false; a gap is a broken journal and throws, never skipped.
   */
  apply(event: JournalEvent): boolean {
    if (isSystemAccount(event.account)) return false;
    const book = this.books.get(event.account) ?? new AccountBook(event.account);
    const sequence = event.sequence;
    if (sequence === undefined) throw new LedgerInvariantError(`journal event ${event.id} has no sequence`);
    if (sequence <= book.sequence) return false;
    if (sequence !== book.sequence + 1) {
      throw new LedgerInvariantError(`${event.account}: journal sequence ${sequence} after ${book.sequence}`);
    }
    book.apply(event);
    this.books.set(event.account, book);
    this.reindex(book);
    return true;
  }

  book(account: string): AccountBook | undefined {
    return this.books.get(account);
  }

  accounts(): IterableIterator<string> {
    return this.books.keys();
  }

  /** Accounts holding any of these instruments or assets. */
  holdersOf(keys: Iterable<string>): Set<string> {
    const found = new Set<string>();
    for (const key of keys) for (const account of this.holders.get(key) ?? []) found.add(account);
    return found;
  }

  /** Drops the accounts of partitions no longer owned (after a rebalance); returns them. */
  forget(keep: (account: string) => boolean): string[] {
    const dropped = [...this.books.keys()].filter((account) => !keep(account));
    for (const account of dropped) {
      this.books.delete(account);
      this.unindex(account);
    }
    return dropped;
  }

  private unindex(account: string): void {
    for (const key of this.heldBy.get(account) ?? []) this.holders.get(key)?.delete(account);
    this.heldBy.delete(account);
  }

  private reindex(book: AccountBook): void {
    const now = [...book.balances.keys(), ...book.positions.keys()];
    this.unindex(book.account);
    for (const key of now) {
      let set = this.holders.get(key);
      if (set === undefined) this.holders.set(key, (set = new Set()));
      set.add(book.account);
    }
    this.heldBy.set(book.account, now);
  }
}
