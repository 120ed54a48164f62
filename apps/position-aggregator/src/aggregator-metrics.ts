import { Counter, Gauge } from 'prom-client';
import { ClosedCycle, JournalEvent } from '@clearing/ledger';
import { countBy } from '@clearing/kafka';
import { ClearingMetrics, DOMAIN_METRICS } from '@clearing/observability';
import { efficiency } from './journal/settlement-mapping';

/** The aggregator's own metrics, in the service's registry next to the loops'. Labels: closed sets only. */
export class AggregatorMetrics {
  private readonly journalEvents: Counter<'type'>;
  private readonly cycles: Counter;
  private readonly nettingEfficiency: Gauge<'asset'>;

  constructor(metrics: ClearingMetrics) {
    const registers = [metrics.registry];
    this.journalEvents = new Counter({ ...DOMAIN_METRICS.journalEvents, registers });
    this.cycles = new Counter({ ...DOMAIN_METRICS.settlementCycles, registers });
    this.nettingEfficiency = new Gauge({ ...DOMAIN_METRICS.settlementNettingEfficiency, registers });
  }

  /** Events whose projection committed: each journal event is projected, and so counted, once. */
  projected(events: readonly JournalEvent[]): void {
    for (const [type, count] of countBy(events, (e) => e.type)) this.journalEvents.inc({ type }, count);
  }

  /** Cycles the writer closed in a batch (a batch redone after a failed commit counts its cycles again). */
  closedCycles(cycles: readonly ClosedCycle[]): void {
    for (const cycle of cycles) {
      this.cycles.inc();
      for (const [asset, totals] of cycle.byAsset)
        this.nettingEfficiency.set({ asset }, Number(efficiency(totals.gross, totals.net)));
    }
  }
}
