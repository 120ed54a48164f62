import { UnderlyingMarginParams } from './params';

/** What the scenario grid cannot see, charged on top of its loss (SPAN's short option minimum and friends). */
export interface Contingencies {
  /** Net-short options: a far tail, a jump in vol beyond the grid's shocks. */
  readonly shortOptionUsd: number;
  /** Offsetting linear positions (long spot vs short perp, calendar spreads): basis risk. */
  readonly offsetUsd: number;
  /** Oracle doubt: sources disagree beyond tolerance, or a mark is invalid (held). */
  readonly oracleUsd: number;
}

/** Running totals for one underlying, filled position by position. */
export interface ExposureTally {
  /**
   * Signed underlying notional (contracts x contract size x index) of the options of each series, by
   * series slot; valid for the slots in `touchedSeries` (stamped with the current `generation`), so the
   * per-tick batch resets a tally without clearing every slot or hashing a name per position.
   */
  readonly seriesNetUsd: Float64Array;
  readonly seriesGeneration: Int32Array;
  readonly touchedSeries: Int32Array;
  touchedCount: number;
  generation: number;
  /** Long and short linear notional: the offsetting amount is the smaller of the two. */
  linearLongUsd: number;
  linearShortUsd: number;
  /** Sum of |underlying notional| of everything, what an oracle error would misvalue. */
  grossNotionalUsd: number;
  maxDispersion: number;
  anyInvalidMark: boolean;
}

/** A tally for up to `seriesCount` option series (typed arrays: the batch's hot loop stays monomorphic). */
export function emptyTally(seriesCount: number): ExposureTally {
  const series = {
    seriesNetUsd: new Float64Array(seriesCount),
    seriesGeneration: new Int32Array(seriesCount),
    touchedSeries: new Int32Array(seriesCount),
    generation: 0,
  };
  return resetTally(series as unknown as ExposureTally);
}

/** Zeroes a tally in place: the per-tick batch reuses one for every account. */
export function resetTally(tally: ExposureTally): ExposureTally {
  tally.generation += 1;
  tally.touchedCount = 0;
  tally.linearLongUsd = 0;
  tally.linearShortUsd = 0;
  tally.grossNotionalUsd = 0;
  tally.maxDispersion = 0;
  tally.anyInvalidMark = false;
  return tally;
}

/**
 * Deribit's portfolio margin contingencies (deribit.com/pages/docs/portfoliomargin): a charge per net
 * short option per strike (call +10 and put -20 at strike X: 10 net short), and a rate on the offsetting
 * amount of futures (long 100 BTC in A against short 100 BTC in B: 1% x 100 BTC, i.e. the smaller side).
 */
export function contingenciesOf(tally: ExposureTally, params: UnderlyingMarginParams): Contingencies {
  const { oracle } = params;
  const excessDispersion = Math.max(0, tally.maxDispersion - oracle.dispersionTolerance);
  const oracleRate =
    excessDispersion * oracle.chargePerDispersion + (tally.anyInvalidMark ? oracle.invalidMarkRate : 0);
  let netShortOptionUsd = 0;
  for (let i = 0; i < tally.touchedCount; i++) {
    const netUsd = tally.seriesNetUsd[tally.touchedSeries[i]];
    if (netUsd < 0) netShortOptionUsd -= netUsd;
  }
  return {
    shortOptionUsd: params.shortOptionContingencyRate * netShortOptionUsd,
    offsetUsd: params.offsetContingencyRate * Math.min(tally.linearLongUsd, tally.linearShortUsd),
    oracleUsd: oracleRate * tally.grossNotionalUsd,
  };
}

export function totalOf(contingencies: Contingencies): number {
  return contingencies.shortOptionUsd + contingencies.offsetUsd + contingencies.oracleUsd;
}

/**
 * The strike (and expiry) an option nets within: its name without the call / put suffix
 * (BTC-25DEC26-100000-C and -P share BTC-25DEC26-100000, docs/contracts.md). A name of another form is its
 * own series: it nets with nothing, the conservative side.
 */
export function optionSeriesOf(instrument: string): string {
  return instrument.replace(/-[CP]$/, '');
}

/** Adds a linear exposure (signed underlying notional in USD) to the tally. */
export function tallyLinear(tally: ExposureTally, underlyingUsd: number): void {
  tally.grossNotionalUsd += Math.abs(underlyingUsd);
  if (underlyingUsd > 0) tally.linearLongUsd += underlyingUsd;
  else tally.linearShortUsd -= underlyingUsd;
}

/**
 * Adds one position (signed contracts) to its underlying's tally; `seriesSlot` numbers the option's series
 * (optionSeriesOf), -1 for a linear position. Positional arguments: a hot loop.
 */
export function tallyPosition(
  tally: ExposureTally,
  seriesSlot: number,
  quantity: number,
  contractSize: number,
  indexPrice: number,
  dispersion: number,
  invalid: boolean,
): void {
  const underlyingUsd = quantity * contractSize * indexPrice;
  tally.maxDispersion = Math.max(tally.maxDispersion, dispersion);
  tally.anyInvalidMark ||= invalid;
  if (seriesSlot < 0) return tallyLinear(tally, underlyingUsd);
  tally.grossNotionalUsd += Math.abs(underlyingUsd);
  if (tally.seriesGeneration[seriesSlot] !== tally.generation) {
    tally.seriesGeneration[seriesSlot] = tally.generation;
    tally.seriesNetUsd[seriesSlot] = 0;
    tally.touchedSeries[tally.touchedCount++] = seriesSlot;
  }
  tally.seriesNetUsd[seriesSlot] += underlyingUsd;
}

/** Numbers option series in order of first sight: the slots tallyPosition takes. */
export class SeriesSlots {
  private readonly slots = new Map<string, number>();

  get count(): number {
    return this.slots.size;
  }

  slotOf(instrument: string): number {
    const series = optionSeriesOf(instrument);
    let slot = this.slots.get(series);
    if (slot === undefined) this.slots.set(series, (slot = this.slots.size));
    return slot;
  }
}
