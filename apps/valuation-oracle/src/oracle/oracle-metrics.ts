import { Counter, Gauge } from 'prom-client';
import { IndexMarkV1, InstrumentMarkV1, MarkV1 } from '@clearing/contracts';
import { ClearingMetrics, DOMAIN_METRICS } from '@clearing/observability';
import { Rejection } from '@clearing/valuation';

/**
 * The oracle's own metrics, registered in the service's registry next to the loop's metrics. Labels are
 * closed sets: rejection codes, the configured underlyings and instruments. Prices are shown as floats:
 * they are for eyes and alerts, never fed back into a ledger amount.
 */
export class OracleMetrics {
  private readonly accepted: Counter;
  private readonly rejected: Counter<'reason'>;
  private readonly indexValid: Gauge<'underlying'>;
  private readonly indexPrice: Gauge<'underlying'>;
  private readonly indexSources: Gauge<'underlying' | 'state'>;
  private readonly markPrice: Gauge<'instrument'>;
  private readonly markValid: Gauge<'instrument'>;
  private readonly fundingRate: Gauge<'instrument'>;

  constructor(metrics: ClearingMetrics) {
    const registers = [metrics.registry];
    // With the loop's consumed and dead-lettered counters: consumed = accepted + rejected + dead-lettered.
    this.accepted = new Counter({ ...DOMAIN_METRICS.oracleObservationsAccepted, registers });
    this.rejected = new Counter({ ...DOMAIN_METRICS.oracleObservationsRejected, registers });
    this.indexValid = new Gauge({ ...DOMAIN_METRICS.oracleIndexValid, registers });
    this.indexPrice = new Gauge({ ...DOMAIN_METRICS.oracleIndexPrice, registers });
    this.indexSources = new Gauge({ ...DOMAIN_METRICS.oracleIndexSources, registers });
    this.markPrice = new Gauge({ ...DOMAIN_METRICS.oracleMarkPrice, registers });
    this.markValid = new Gauge({ ...DOMAIN_METRICS.oracleMarkValid, registers });
    this.fundingRate = new Gauge({ ...DOMAIN_METRICS.oracleFundingRate, registers });
  }

  folded(observations: number, rejections: readonly Rejection[]): void {
    this.accepted.inc(observations - rejections.length);
    for (const rejection of rejections) this.rejected.inc({ reason: rejection.code });
  }

  indexStatus(underlying: string, valid: boolean): void {
    this.indexValid.set({ underlying }, valid ? 1 : 0);
  }

  /** The last published figure of each index and instrument a batch marked. */
  published(marks: readonly MarkV1[]): void {
    for (const mark of marks) {
      if (mark.kind === 'index') this.index(mark);
      else if (mark.kind === 'instrument') this.instrument(mark);
    }
  }

  private index(mark: IndexMarkV1): void {
    const { underlying, confidence } = mark;
    if (mark.price !== undefined) this.indexPrice.set({ underlying }, Number(mark.price));
    this.indexSources.set({ underlying, state: 'used' }, confidence.sourcesUsed);
    this.indexSources.set({ underlying, state: 'known' }, confidence.sourcesKnown);
    this.indexSources.set({ underlying, state: 'stale' }, confidence.sourcesStale);
    this.indexSources.set({ underlying, state: 'outlying' }, confidence.sourcesOutlying);
  }

  private instrument(mark: InstrumentMarkV1): void {
    const { instrument } = mark;
    this.markValid.set({ instrument }, mark.status === 'valid' ? 1 : 0);
    if (mark.markPrice !== undefined) this.markPrice.set({ instrument }, Number(mark.markPrice));
    if (mark.funding !== undefined) this.fundingRate.set({ instrument }, Number(mark.funding.ratePerPeriod));
  }
}
