import {
  contingenciesOf,
  emptyTally,
  resetTally,
  SeriesSlots,
  tallyPosition,
  totalOf,
} from './contingencies';
import { UnderlyingMarginParams } from './params';
import { addScaled, scenarioWeights, worstWeightedLoss } from './scenario-kernel';

/** One instrument's figures at a tick, per contract, as marks.v1 carries them. */
export interface TickInstrument {
  readonly riskArray: ArrayLike<number>;
  readonly indexPrice: number;
  readonly dispersion: number;
  readonly invalid: boolean;
}

export interface BookPosition {
  readonly instrument: string;
  readonly quantity: number;
}

/** IM and MM (exact USD floats, unrounded) of every account of the book, in account order. */
export interface BookMargins {
  readonly lossUsd: Float64Array;
  readonly imUsd: Float64Array;
  readonly mmUsd: Float64Array;
}

/**
 * Every account holding one underlying, laid out flat (Float64Array / Int32Array), so one price tick
 * re-margins all of them in a single pass of dot products: O(sum of positions x scenarios), no repricing
 * and no allocation per account. Same kernel and contingencies as portfolioMargin. Not in the book, added by
 * the account path: spot collateral hedges (they change with deposits, not ticks), the minimum delta charge
 * (needs the options' deltas, not in a tick's risk arrays) and inter-underlying credits (across books).
 */
export class UnderlyingScenarioBook {
  readonly accounts: readonly string[];
  private readonly instrumentSlots = new Map<string, number>();
  private readonly slotContractSize: Float64Array;
  /** The option series slot of each instrument slot (per-strike netting of short options); -1: linear. */
  private readonly slotSeries: Int32Array;
  private readonly seriesCount: number;
  private readonly firstPosition: Int32Array;
  private readonly positionInstrument: Int32Array;
  private readonly positionQuantity: Float64Array;
  private readonly weights: Float64Array;

  constructor(
    readonly params: UnderlyingMarginParams,
    instruments: ReadonlyMap<string, { readonly contractSize: number; readonly option: boolean }>,
    accounts: ReadonlyMap<string, readonly BookPosition[]>,
  ) {
    this.slotContractSize = Float64Array.from(instruments.values(), (i) => i.contractSize);
    const series = new SeriesSlots();
    this.slotSeries = Int32Array.from(instruments, ([name, i]) => (i.option ? series.slotOf(name) : -1));
    this.seriesCount = series.count;
    [...instruments.keys()].forEach((instrument, slot) => this.instrumentSlots.set(instrument, slot));
    this.accounts = [...accounts.keys()];
    const total = [...accounts.values()].reduce((sum, positions) => sum + positions.length, 0);
    this.firstPosition = new Int32Array(this.accounts.length + 1);
    this.positionInstrument = new Int32Array(total);
    this.positionQuantity = new Float64Array(total);
    let p = 0;
    [...accounts.values()].forEach((positions, a) => {
      this.firstPosition[a] = p;
      for (const position of positions) {
        this.positionInstrument[p] = this.slotOf(position.instrument);
        this.positionQuantity[p++] = position.quantity;
      }
    });
    this.firstPosition[this.accounts.length] = p;
    this.weights = scenarioWeights(params.grid);
  }

  /** The tick's instruments as one row-major matrix (instrument x scenario), in the book's slot order. */
  riskMatrix(tick: ReadonlyMap<string, TickInstrument>): Float64Array {
    const scenarios = this.weights.length;
    const matrix = new Float64Array(this.slotContractSize.length * scenarios);
    for (const [instrument, slot] of this.instrumentSlots) {
      const figures = tick.get(instrument);
      if (figures === undefined) throw new Error(`tick has no risk array for ${instrument}`);
      matrix.set(figures.riskArray as ArrayLike<number>, slot * scenarios);
    }
    return matrix;
  }

  /** Re-margins every account of the book against one tick of its underlying. */
  remargin(tick: ReadonlyMap<string, TickInstrument>): BookMargins {
    const matrix = this.riskMatrix(tick);
    const figures = [...this.instrumentSlots.keys()].map((instrument) => tick.get(instrument)!);
    const indexPrice = Float64Array.from(figures, (f) => f.indexPrice);
    const dispersion = Float64Array.from(figures, (f) => f.dispersion);
    const invalid = Uint8Array.from(figures, (f) => (f.invalid ? 1 : 0));
    const scenarios = this.weights.length;
    const count = this.accounts.length;
    const out = {
      lossUsd: new Float64Array(count),
      imUsd: new Float64Array(count),
      mmUsd: new Float64Array(count),
    };
    const pnl = new Float64Array(scenarios);
    const tally = emptyTally(this.seriesCount);
    for (let a = 0; a < count; a++) {
      pnl.fill(0);
      resetTally(tally);
      for (let p = this.firstPosition[a]; p < this.firstPosition[a + 1]; p++) {
        const slot = this.positionInstrument[p];
        const quantity = this.positionQuantity[p];
        addScaled(pnl, quantity, matrix, slot * scenarios);
        const size = this.slotContractSize[slot];
        const series = this.slotSeries[slot];
        tallyPosition(tally, series, quantity, size, indexPrice[slot], dispersion[slot], invalid[slot] === 1);
      }
      const loss = worstWeightedLoss(pnl, this.weights).lossUsd;
      out.lossUsd[a] = loss;
      out.imUsd[a] = this.params.imFactor * loss + totalOf(contingenciesOf(tally, this.params));
      out.mmUsd[a] = this.params.mmFactor * out.imUsd[a];
    }
    return out;
  }

  private slotOf(instrument: string): number {
    const slot = this.instrumentSlots.get(instrument);
    if (slot === undefined) throw new Error(`${instrument} is not an instrument of this book`);
    return slot;
  }
}
