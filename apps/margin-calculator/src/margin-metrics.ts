import { Counter, Gauge, Histogram } from 'prom-client';
import { MarginV1 } from '@clearing/contracts';
import { MarginEngine } from '@clearing/margin-engine';
import { ClearingMetrics } from '@clearing/observability';

/** The calculator's own metrics, in the service's registry next to the loop's. */
export class MarginMetrics {
  private readonly latency: Histogram;
  private readonly publishedTotal: Counter<'cause' | 'band'>;
  private readonly tickDuration: Histogram;
  private readonly accounts: Gauge;

  constructor(metrics: ClearingMetrics, engine: MarginEngine) {
    const registers = [metrics.registry];
    new Gauge({
      name: 'clearing_margin_initial_requirement_usd',
      help: 'Sum of IM over the accounts this instance margins, by method: standard - portfolio is what netting saves.',
      labelNames: ['method'],
      registers,
      collect() {
        const totals = engine.nettingTotals();
        this.set({ method: 'portfolio' }, totals.portfolioImUsd);
        this.set({ method: 'standard' }, totals.standardImUsd);
      },
    });
    this.latency = new Histogram({
      name: 'clearing_margin_journal_to_margin_seconds',
      help: 'From a journal event being written to the margin of its account being published and stored.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.publishedTotal = new Counter({
      name: 'clearing_margin_published_total',
      help: 'margin.v1 messages published, by cause (journal, mark) and health band.',
      labelNames: ['cause', 'band'],
      registers,
    });
    this.tickDuration = new Histogram({
      name: 'clearing_margin_mark_batch_seconds',
      help: 'Re-margining the holders of one batch of marks (compute only).',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.accounts = new Gauge({
      name: 'clearing_margin_accounts',
      help: 'Accounts margined by this instance.',
      registers,
    });
  }

  journalToMargin(latencyMs: number): void {
    this.latency.observe(latencyMs / 1000);
  }

  published(cause: 'journal' | 'mark', figures: readonly MarginV1[]): void {
    for (const f of figures)
      this.publishedTotal.inc({ cause, band: f.kind === 'account-margin' ? f.health.band : 'unpriced' });
  }

  markBatch(seconds: number, accounts: number): void {
    this.tickDuration.observe(seconds);
    this.accounts.set(accounts);
  }
}
