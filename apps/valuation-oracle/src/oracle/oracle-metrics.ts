import { Counter, Gauge } from 'prom-client';
import { ClearingMetrics } from '@clearing/observability';
import { Rejection } from '@clearing/valuation';

/**
 * The oracle's own counters, registered in the service's registry next to the loop's metrics. Labels are
 * closed sets: rejection codes and the configured underlyings.
 */
export class OracleMetrics {
  private readonly accepted: Counter;
  private readonly rejected: Counter<'reason'>;
  private readonly indexValid: Gauge<'underlying'>;

  constructor(metrics: ClearingMetrics) {
    const registers = [metrics.registry];
    // With the loop's consumed and dead-lettered counters: consumed = accepted + rejected + dead-lettered.
    this.accepted = new Counter({
      name: 'clearing_oracle_observations_accepted_total',
      help: 'Oracle observations the valuation fold took into its state.',
      registers,
    });
    this.rejected = new Counter({
      name: 'clearing_oracle_observations_rejected_total',
      help: 'Oracle observations refused by the valuation fold (stale, non-finite, out-of-order...), by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.indexValid = new Gauge({
      name: 'clearing_oracle_index_valid',
      help: '1 while the underlying index is valid, 0 while invalid (margin, liquidation and funding pause).',
      labelNames: ['underlying'],
      registers,
    });
  }

  folded(observations: number, rejections: readonly Rejection[]): void {
    this.accepted.inc(observations - rejections.length);
    for (const rejection of rejections) this.rejected.inc({ reason: rejection.code });
  }

  indexStatus(underlying: string, valid: boolean): void {
    this.indexValid.set({ underlying }, valid ? 1 : 0);
  }
}
