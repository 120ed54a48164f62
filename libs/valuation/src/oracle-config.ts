import { buildScenarioGrid, ScenarioGrid } from '@clearing/risk';
import { InstrumentDefinition } from '@clearing/contracts';
import { ValuedInstrument, valuedInstrument } from './instruments';
import {
  DEFAULT_REDEMPTION_PARAMS,
  DEFAULT_UNDERLYING_PARAMS,
  FeedParams,
  FundingParams,
  UnderlyingParams,
} from './params';

/** Overrides of the underlying parameters, nested objects merged field by field. */
export type UnderlyingOverrides = Partial<
  Omit<UnderlyingParams, 'index' | 'funding'> & {
    index: Partial<FeedParams>;
    funding: Partial<FundingParams>;
  }
>;

/** The shape of config/valuation.json. */
export interface ValuationConfig {
  readonly defaults?: UnderlyingOverrides;
  readonly underlyings?: Readonly<Record<string, UnderlyingOverrides>>;
  readonly redemption?: Partial<FeedParams>;
  /** How far ahead of its arrival a quote's event time may be (clock skew between a source and us). */
  readonly maxFutureSkewMs?: number;
}

/** A source's clock may run this far ahead of ours; beyond it, a quote is refused as from the future. */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 30_000;

/** Everything the oracle's fold and marks need besides the inputs; built once at start-up. */
export interface OracleConfig {
  readonly instruments: readonly ValuedInstrument[];
  readonly redemption: FeedParams;
  readonly maxFutureSkewMs: number;
  /** An instrument is on it or config/valuation.json names it under `underlyings`. */
  isKnownUnderlying(underlying: string): boolean;
  instrument(symbol: string): ValuedInstrument | undefined;
  instrumentsOf(underlying: string): readonly ValuedInstrument[];
  paramsOf(underlying: string): UnderlyingParams;
  gridOf(underlying: string): ScenarioGrid;
  /** Distinct expiries (ms) of the dated instruments on `underlying`, ascending. */
  expiriesOf(underlying: string): readonly number[];
}

export function createOracleConfig(
  specs: readonly InstrumentDefinition[],
  valuation: ValuationConfig = {},
): OracleConfig {
  const instruments = specs.map(valuedInstrument);
  const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
  if (bySymbol.size !== instruments.length) throw new RangeError('instrument symbols must be unique');
  const defaults = merge(DEFAULT_UNDERLYING_PARAMS, valuation.defaults ?? {});
  const memo = <T>(build: (underlying: string) => T) => {
    const cache = new Map<string, T>();
    return (underlying: string): T => {
      if (!cache.has(underlying)) cache.set(underlying, build(underlying));
      return cache.get(underlying)!;
    };
  };
  const paramsOf = memo((u) => merge(defaults, valuation.underlyings?.[u] ?? {}));
  const known = new Set([
    ...instruments.map((i) => i.underlying),
    ...Object.keys(valuation.underlyings ?? {}),
  ]);
  return {
    instruments,
    redemption: { ...DEFAULT_REDEMPTION_PARAMS, ...valuation.redemption },
    maxFutureSkewMs: valuation.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS,
    isKnownUnderlying: (underlying) => known.has(underlying),
    instrument: (symbol) => bySymbol.get(symbol),
    instrumentsOf: memo((u) => instruments.filter((i) => i.underlying === u)),
    paramsOf,
    gridOf: memo((u) => buildScenarioGrid(paramsOf(u).grid)),
    expiriesOf: memo((u) =>
      [...new Set(instruments.filter((i) => i.underlying === u).flatMap((i) => i.expiryMs ?? []))].sort(
        (a, b) => a - b,
      ),
    ),
  };
}

function merge(base: UnderlyingParams, overrides: UnderlyingOverrides): UnderlyingParams {
  return {
    ...base,
    ...overrides,
    index: { ...base.index, ...overrides.index },
    funding: { ...base.funding, ...overrides.funding },
    grid: { ...base.grid, ...overrides.grid },
  };
}
