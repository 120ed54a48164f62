import { LiquidationV1, MarginV1 } from '@clearing/contracts';

/** One event of an account's live stream: its margin figures, or a step of its liquidation. */
export type AccountUpdate =
  | { readonly event: 'margin'; readonly data: MarginV1 }
  | { readonly event: 'liquidation'; readonly data: LiquidationV1 };

export type UpdateListener = (update: AccountUpdate) => void;

/**
 * Fans margin.v1 and liquidations.v1 out to each account's listeners, and keeps each account's latest
 * margin so a new subscriber starts from the current figures (margin.v1 is compacted to one message per
 * account, so this holds no more than the topic does). Pure: the Kafka feeds push into it.
 */
export class AccountFeed {
  private readonly listeners = new Map<string, Set<UpdateListener>>();
  private readonly latest = new Map<string, MarginV1>();

  /** Messages of one partition in log order: keyed by account, so an account's figures arrive in order. */
  onMargin(figures: readonly MarginV1[]): void {
    for (const data of figures) {
      this.latest.set(data.account, data);
      this.emit(data.account, { event: 'margin', data });
    }
  }

  /** Case events and ADL lights name their account; the system-wide solvency message is nobody's. */
  onLiquidations(messages: readonly LiquidationV1[]): void {
    for (const data of messages)
      if ('account' in data) this.emit(data.account, { event: 'liquidation', data });
  }

  /** Registers a listener (first given the latest figures, if any); returns its unsubscribe. */
  subscribe(account: string, listener: UpdateListener): () => void {
    const current = this.latest.get(account);
    if (current !== undefined) listener({ event: 'margin', data: current });
    const set = this.listeners.get(account) ?? new Set<UpdateListener>();
    set.add(listener);
    this.listeners.set(account, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(account);
    };
  }

  private emit(account: string, update: AccountUpdate): void {
    for (const listener of this.listeners.get(account) ?? []) listener(update);
  }
}
