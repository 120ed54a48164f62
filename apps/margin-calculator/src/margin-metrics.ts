import { Counter, Gauge, Histogram } from 'prom-client';
import { MarginV1 } from '@clearing/contracts';
import { MarginEngine } from '@clearing/margin-engine';
import { ClearingMetrics, DOMAIN_METRICS } from '@clearing/observability';
import { GREEKS, openInterestOf, SystemRisk, systemRiskOf } from './system-risk';

/**
 * The calculator's own metrics, in the service's registry next to the loop's. The system-wide gauges are
 * computed on scrape from the figures last published (never per account: no account id is a label).
 */
export class MarginMetrics {
  private readonly latency: Histogram;
  private readonly publishedTotal: Counter<'cause' | 'band'>;
  private readonly tickDuration: Histogram;
  private readonly accounts: Gauge;

  constructor(metrics: ClearingMetrics, engine: MarginEngine) {
    const registers = [metrics.registry];
    registerSystemRisk(registers, engine);
    this.latency = new Histogram({
      ...DOMAIN_METRICS.marginJournalToMargin,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.publishedTotal = new Counter({ ...DOMAIN_METRICS.marginPublished, registers });
    this.tickDuration = new Histogram({
      ...DOMAIN_METRICS.marginMarkBatch,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.accounts = new Gauge({ ...DOMAIN_METRICS.marginAccounts, registers });
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

/** Gauges read from the engine when Prometheus scrapes: bands, NLV/IM/MM, netting saving, Greeks, OI. */
function registerSystemRisk(registers: ClearingMetrics['registry'][], engine: MarginEngine): void {
  const risk = sharedByOneScrape(() => systemRiskOf(engine.publishedFigures()));
  new Gauge({
    ...DOMAIN_METRICS.marginInitialRequirement,
    registers,
    collect() {
      const totals = risk();
      this.set({ method: 'portfolio' }, totals.portfolioImUsd);
      this.set({ method: 'standard' }, totals.standardImUsd);
    },
  });
  new Gauge({
    ...DOMAIN_METRICS.marginAccountsByBand,
    registers,
    collect() {
      for (const [band, count] of risk().accountsByBand) this.set({ band }, count);
    },
  });
  new Gauge({
    ...DOMAIN_METRICS.marginSystem,
    registers,
    collect() {
      const totals = risk();
      this.set({ figure: 'nlv' }, totals.nlvUsd);
      this.set({ figure: 'im' }, totals.imUsd);
      this.set({ figure: 'mm' }, totals.mmUsd);
    },
  });
  new Gauge({
    ...DOMAIN_METRICS.marginGreeks,
    registers,
    collect() {
      this.reset(); // an underlying nobody holds any more shows no figure rather than its last one
      for (const [underlying, sums] of risk().greeksUsd)
        for (const greek of GREEKS) this.set({ underlying, greek }, sums[greek]);
    },
  });
  new Gauge({
    ...DOMAIN_METRICS.marginOpenInterest,
    registers,
    collect() {
      this.reset(); // likewise an instrument nobody holds any more
      for (const [instrument, contracts] of openInterestOf(engine.accounts))
        this.set({ instrument }, contracts);
    },
  });
}

/** Scrape-time reuse window: the gauges of one scrape collect one after another within milliseconds. */
const SCRAPE_REUSE_MS = 1_000;

/**
 * One computation serves the four system gauges of a scrape (about 10 ms for 5,000 accounts, measured:
 * docs/OBSERVABILITY.md) instead of one each.
 */
function sharedByOneScrape(compute: () => SystemRisk): () => SystemRisk {
  let last: { atMs: number; risk: SystemRisk } | undefined;
  return () => {
    const nowMs = Date.now();
    if (last === undefined || nowMs - last.atMs > SCRAPE_REUSE_MS) last = { atMs: nowMs, risk: compute() };
    return last.risk;
  };
}
