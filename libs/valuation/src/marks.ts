import { black76, Greeks, VolSurface } from '@clearing/pricing';
import { riskArray, RiskInput, ScenarioGrid } from '@clearing/risk';
import { fairPrice, yearsUntil } from './fair-price';
import { Confidence, FeedReading, InvalidReason } from './feed';
import { clamp, Funding, fundingRate } from './funding';
import { ValuedInstrument } from './instruments';
import { OracleConfig } from './oracle-config';
import { OracleState } from './oracle-state';
import { UnderlyingParams } from './params';
import { volSurfaceOf } from './vol-surface-of';

export type MarkInvalidReason = InvalidReason | 'no-vol-surface';

/**
 * The mark of one instrument at the state's event time. Prices and Greeks are per contract (per unit of
 * position quantity: the underlying amount times the contract size), the index per unit of underlying.
 */
export interface InstrumentMark {
  readonly instrument: string;
  readonly kind: ValuedInstrument['kind'];
  readonly underlying: string;
  /** Invalid: margin, liquidation and funding pause on it; prices are the last confirmed ones, held. */
  readonly status: 'valid' | 'invalid';
  readonly reason?: MarkInvalidReason;
  readonly asOfMs: number;
  readonly indexPrice: number;
  readonly confidence: Confidence;
  readonly gridId: string;
  /** Absent only for an option with no usable vol surface. */
  readonly markPrice?: number;
  /** P&L per contract, long, under each scenario of grid `gridId` (USD). */
  readonly riskArray?: readonly number[];
  readonly funding?: Funding;
  readonly option?: {
    readonly forward: number;
    readonly vol: number;
    readonly years: number;
    readonly greeks: Greeks;
  };
}

/** Marks of every unexpired instrument on `underlying`; none before its index was ever confirmed. */
export function markUnderlying(
  state: OracleState,
  config: OracleConfig,
  underlying: string,
): InstrumentMark[] {
  const reading = state.indexes.get(underlying)?.reading;
  if (reading?.value === undefined) return [];
  const context = {
    params: config.paramsOf(underlying),
    grid: config.gridOf(underlying),
    clockMs: state.clockMs,
  };
  let surface: VolSurface | undefined | null = null; // null: not built yet; built once, on the first option
  const surfaceOnce = () =>
    surface === null
      ? (surface = volSurfaceOf(
          state.vols.get(underlying)?.values() ?? [],
          reading.value!,
          context.params,
          state.clockMs,
        ))
      : surface;
  return config
    .instrumentsOf(underlying)
    .filter((instrument) => instrument.expiryMs === undefined || instrument.expiryMs > state.clockMs)
    .map((instrument) => {
      const base = baseMark(instrument, reading, context);
      return instrument.kind === 'option'
        ? optionMark(base, instrument, context, surfaceOnce())
        : linearMark(base, instrument, context, state);
    });
}

/** Marks of every instrument whose underlying this state has an index for. */
export function markAll(state: OracleState, config: OracleConfig): InstrumentMark[] {
  return [...state.indexes.keys()].flatMap((underlying) => markUnderlying(state, config, underlying));
}

type BaseMark = Omit<InstrumentMark, 'markPrice' | 'riskArray' | 'funding' | 'option'>;

/** What every mark of one underlying shares. */
interface MarkContext {
  readonly params: UnderlyingParams;
  readonly grid: ScenarioGrid;
  readonly clockMs: number;
}

function baseMark(instrument: ValuedInstrument, reading: FeedReading, context: MarkContext): BaseMark {
  return {
    instrument: instrument.symbol,
    kind: instrument.kind,
    underlying: instrument.underlying,
    status: reading.status,
    ...(reading.reason !== undefined && { reason: reading.reason }),
    asOfMs: context.clockMs,
    indexPrice: reading.value!,
    confidence: reading.confidence,
    gridId: context.grid.id,
  };
}

function linearMark(
  base: BaseMark,
  instrument: ValuedInstrument,
  { params, grid }: MarkContext,
  state: OracleState,
): InstrumentMark {
  const premium = state.premiums.get(instrument.symbol);
  const freshPremium =
    premium !== undefined && state.clockMs - premium.lastMs <= params.premiumMaxAgeMs ? premium.premium : 0;
  const unitPrice =
    fairPrice(base.indexPrice, instrument, params, state.clockMs) +
    clamp(freshPremium, params.premiumClamp * base.indexPrice);
  const input: RiskInput = { kind: 'linear', price: unitPrice, contractSize: instrument.contractSize };
  return {
    ...base,
    markPrice: unitPrice * instrument.contractSize,
    riskArray: riskArray(input, grid),
    ...(instrument.kind === 'perpetual' && {
      funding: fundingRate(unitPrice, base.indexPrice, params.funding, base.status !== 'valid'),
    }),
  };
}

function optionMark(
  base: BaseMark,
  instrument: ValuedInstrument,
  { params, grid, clockMs }: MarkContext,
  surface: VolSurface | undefined,
): InstrumentMark {
  if (surface === undefined) return { ...base, status: 'invalid', reason: 'no-vol-surface' };
  const years = yearsUntil(instrument.expiryMs!, clockMs);
  const forward = fairPrice(base.indexPrice, instrument, params, clockMs);
  const strike = instrument.strike!;
  const vol = surface.vol(strike, forward, years);
  const input = {
    type: instrument.optionType!,
    forward,
    strike,
    years,
    rate: params.discountRatePerYear,
    vol,
  };
  const unit = black76(input);
  const size = instrument.contractSize;
  return {
    ...base,
    markPrice: unit.price * size,
    riskArray: riskArray({ kind: 'option', ...input, contractSize: size }, grid),
    option: {
      forward,
      vol,
      years,
      greeks: {
        price: unit.price * size,
        delta: unit.delta * size,
        gamma: unit.gamma * size,
        vega: unit.vega * size,
        theta: unit.theta * size,
        rho: unit.rho * size,
      },
    },
  };
}
