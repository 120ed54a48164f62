import {
  LiquidationV1,
  MarginV1,
  NettingCycleSummaryV1,
  SettlementV1,
  SolvencyV1,
} from '@clearing/contracts';

/** A band an account moved into (`from` undefined: first seen; `band` null: unpriced, a mark is missing). */
export interface BandChange {
  readonly account: string;
  readonly band: string | null;
  readonly from?: string | null;
}

/** One event of the system-wide stream behind the risk page. */
export type SystemUpdate =
  | { readonly event: 'band'; readonly data: BandChange }
  | { readonly event: 'liquidation'; readonly data: LiquidationV1 }
  | { readonly event: 'solvency'; readonly data: SolvencyV1 }
  | { readonly event: 'netting'; readonly data: NettingCycleSummaryV1 };

export type SystemListener = (update: SystemUpdate) => void;

/**
 * Fans the system's risk changes out to staff listeners: band changes (not every margin update: thousands
 * of accounts reprice on each mark, and the page only needs to know the histogram moved), liquidation case
 * events, Cover 2 reports and netting cycle summaries. Keeps the latest Cover 2 and cycle so a new
 * subscriber starts with them. Pure: the Kafka feeds push into it.
 */
export class SystemFeed {
  private readonly listeners = new Set<SystemListener>();
  private readonly bands = new Map<string, string | null>();
  private solvency: SolvencyV1 | undefined;
  private cycle: NettingCycleSummaryV1 | undefined;

  onMargin(figures: readonly MarginV1[]): void {
    for (const margin of figures) {
      const band = margin.kind === 'account-margin' ? margin.health.band : null;
      const known = this.bands.has(margin.account);
      const from = this.bands.get(margin.account);
      if (known && from === band) continue;
      this.bands.set(margin.account, band);
      this.emit({
        event: 'band',
        data: known ? { account: margin.account, band, from } : { account: margin.account, band },
      });
    }
  }

  /** ADL queue lights stay out: they are per account and the page does not show them. */
  onLiquidations(messages: readonly LiquidationV1[]): void {
    for (const data of messages) {
      if (data.kind === 'solvency') {
        this.solvency = data;
        this.emit({ event: 'solvency', data });
      } else if (data.kind !== 'adl-queue') this.emit({ event: 'liquidation', data });
    }
  }

  onSettlements(messages: readonly SettlementV1[]): void {
    for (const data of messages) {
      if (data.kind !== 'cycle-summary') continue;
      this.cycle = data;
      this.emit({ event: 'netting', data });
    }
  }

  /** Registers a listener (first given the latest Cover 2 and netting cycle, if any); returns its unsubscribe. */
  subscribe(listener: SystemListener): () => void {
    if (this.solvency !== undefined) listener({ event: 'solvency', data: this.solvency });
    if (this.cycle !== undefined) listener({ event: 'netting', data: this.cycle });
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(update: SystemUpdate): void {
    for (const listener of this.listeners) listener(update);
  }
}
