import { InstrumentMarkV1, MarkV1 } from '@clearing/contracts';
import { EwmaVolatility, ewmaVolatility, MarginMark, MarketView, observeIndex } from '@clearing/risk';

/** How collateral volatility is sampled: one EWMA observation per period of event time. */
export interface EwmaSettings {
  readonly lambda: number;
  readonly periodMs: number;
  /** Variance of one period's log return before any observation (a long-run prior). */
  readonly seedVariance: number;
}

/** What a batch of marks changed: instruments re-marked and assets re-priced (keys of the holder index). */
export interface MarketChange {
  readonly instruments: ReadonlySet<string>;
  readonly assets: ReadonlySet<string>;
  /** Assets whose EWMA took a new observation: their state is to be persisted (volatilitySnapshots). */
  readonly sampled: ReadonlySet<string>;
}

/**
 * An asset's EWMA state after the observation of `period` (event time / periodMs), with the settings it
 * was folded under. marks.v1 is compacted down to the latest index per asset, so a restarted calculator
 * restores this and folds only the marks of later periods: the same haircuts as before the restart.
 */
export interface VolatilitySnapshot {
  readonly asset: string;
  readonly lambda: number;
  readonly periodMs: number;
  readonly period: number;
  readonly variance: number;
  readonly lastPrice: number;
  readonly observations: number;
}

/**
 * The market as the margin calculator sees it: a fold of marks.v1 (every partition, on every instance)
 * into the MarketView libs/risk reads. Decimal strings become floats here, once: marks are risk inputs,
 * never ledger amounts. Stablecoins at par have no index and are priced 1.
 */
export class MarketState {
  private readonly marks = new Map<string, MarginMark>();
  private readonly assetPricesUsd = new Map<string, number>();
  private readonly redemptionRates = new Map<string, number>();
  private readonly volatility = new Map<string, EwmaVolatility>();
  private readonly lastSamplePeriod = new Map<string, number>();
  private readonly instrumentUnderlying = new Map<string, string>();
  private newestAsOfMs = 0;
  private cachedView: MarketView | undefined;

  constructor(
    private readonly ewma: EwmaSettings,
    parAssets: readonly string[],
  ) {
    for (const asset of parAssets) this.assetPricesUsd.set(asset, 1);
  }

  /** Folds marks in order; returns what moved. Invalid marks replace valid ones: margin must see them. */
  apply(marks: readonly MarkV1[]): MarketChange {
    this.cachedView = undefined;
    const instruments = new Set<string>();
    const assets = new Set<string>();
    const sampled = new Set<string>();
    for (const mark of marks) {
      this.newestAsOfMs = Math.max(this.newestAsOfMs, Date.parse(mark.asOf));
      if (mark.kind === 'instrument') {
        this.marks.set(mark.instrument, marginMarkOf(mark));
        this.instrumentUnderlying.set(mark.instrument, mark.underlying);
        instruments.add(mark.instrument);
      } else if (mark.kind === 'index' && mark.price !== undefined) {
        if (this.observeIndex(mark.underlying, Number(mark.price), Date.parse(mark.asOf)))
          sampled.add(mark.underlying);
        assets.add(mark.underlying);
      } else if (mark.kind === 'redemption-rate' && mark.rate !== undefined) {
        this.redemptionRates.set(mark.token, Number(mark.rate));
        assets.add(mark.token);
      }
    }
    return { instruments, assets, sampled };
  }

  /** The EWMA state of these assets (all when omitted), to persist. */
  volatilitySnapshots(assets: Iterable<string> = this.volatility.keys()): VolatilitySnapshot[] {
    const snapshots: VolatilitySnapshot[] = [];
    for (const asset of assets) {
      const state = this.volatility.get(asset);
      const period = this.lastSamplePeriod.get(asset);
      if (state?.lastPrice === undefined || period === undefined) continue;
      const { lambda, variance, lastPrice, observations } = state;
      snapshots.push({
        asset,
        lambda,
        periodMs: this.ewma.periodMs,
        period,
        variance,
        lastPrice,
        observations,
      });
    }
    return snapshots;
  }

  /**
   * Restores persisted EWMA states before any mark is folded; a snapshot taken under other settings
   * (lambda, period) is ignored: it would not be the fold these settings give. Returns the ignored ones.
   */
  restoreVolatility(snapshots: readonly VolatilitySnapshot[]): VolatilitySnapshot[] {
    const ignored = snapshots.filter(
      (s) => s.lambda !== this.ewma.lambda || s.periodMs !== this.ewma.periodMs,
    );
    for (const s of snapshots.filter((snapshot) => !ignored.includes(snapshot))) {
      const { lambda, variance, lastPrice, observations } = s;
      this.volatility.set(s.asset, { lambda, variance, lastPrice, observations });
      this.lastSamplePeriod.set(s.asset, s.period);
    }
    this.cachedView = undefined;
    return ignored;
  }

  /** Built once per batch of marks: every account evaluated after it reads the same view. */
  view(): MarketView {
    if (this.cachedView !== undefined) return this.cachedView;
    const volatility = new Map(
      [...this.volatility].map(([asset, state]) => [asset, { variance: state.variance }]),
    );
    this.cachedView = {
      marks: this.marks,
      assetPricesUsd: this.assetPricesUsd,
      redemptionRates: this.redemptionRates,
      volatility,
    };
    return this.cachedView;
  }

  hasMark(instrument: string): boolean {
    return this.marks.has(instrument);
  }

  hasPrice(asset: string): boolean {
    return this.assetPricesUsd.has(asset);
  }

  hasRedemptionRate(token: string): boolean {
    return this.redemptionRates.has(token);
  }

  underlyingOf(instrument: string): string | undefined {
    return this.instrumentUnderlying.get(instrument);
  }

  /** Event time of the newest mark folded in (epoch when none yet). */
  marksAsOf(): string {
    return new Date(this.newestAsOfMs).toISOString();
  }

  /**
   * The index price is current on every mark; the EWMA takes one observation per period only, the first
   * mark of a period later than the last observed: a restored state never re-observes a period it holds
   * (the compacted topic replays marks it already folded). True when it took one.
   */
  private observeIndex(asset: string, priceUsd: number, asOfMs: number): boolean {
    this.assetPricesUsd.set(asset, priceUsd);
    const period = Math.floor(asOfMs / this.ewma.periodMs);
    const last = this.lastSamplePeriod.get(asset);
    if (last !== undefined && period <= last) return false;
    this.lastSamplePeriod.set(asset, period);
    const state = this.volatility.get(asset) ?? ewmaVolatility(this.ewma.lambda, this.ewma.seedVariance);
    this.volatility.set(asset, observeIndex(state, priceUsd));
    return true;
  }
}

function marginMarkOf(mark: InstrumentMarkV1): MarginMark {
  return {
    instrument: mark.instrument,
    underlying: mark.underlying,
    status: mark.status,
    indexPrice: Number(mark.indexPrice),
    ...(mark.markPrice !== undefined ? { markPrice: Number(mark.markPrice) } : {}),
    ...(mark.risk !== undefined ? { riskArray: mark.risk.pnl } : {}),
    confidence: { dispersion: Number(mark.confidence.dispersion) },
    ...(mark.option !== undefined ? { option: { greeks: mark.option.greeks } } : {}),
  };
}
