import { parseAmount } from '../amount';

/**
 * The ranges a journaled RiskParamsChange may set, inclusive, as decimal strings (docs/MARGIN.md lists
 * them). Tight enough that one mistyped or hostile change cannot switch margin off (imFactor 0, a negative
 * factor) or make every collateral worthless (a haircut of 1), wide enough for any real risk desk move.
 */
export const RISK_PARAM_RANGES: Readonly<Record<string, readonly [string, string]>> = {
  imFactor: ['1', '10'],
  mmFactor: ['0.5', '1'],
  shortOptionContingencyRate: ['0', '0.5'],
  offsetContingencyRate: ['0', '0.5'],
  minDeltaRate: ['0', '0.5'],
  sizeRatePerUnit: ['0', '0.001'],
  shortOptionMmRate: ['0', '1'],
  shortPutMmMarkShare: ['0', '1'],
  baseHaircut: ['0', '0.99'],
  maxHaircut: ['0', '0.99'],
  volMultiplier: ['0', '100'],
  sizeImfFactor: ['0', '0.1'],
};

/** Compared at a scale every value above fits in: exact, no float. */
const RANGE_SCALE = 18;

/** Undefined when every parameter is known and in range; else the first reason, naming it. */
export function riskParamRefusalOf(params: { readonly [name: string]: string | number }): string | undefined {
  for (const [name, raw] of Object.entries(params)) {
    const range = RISK_PARAM_RANGES[name];
    if (range === undefined) return `unknown risk parameter ${name}`;
    const value = exactOrUndefined(String(raw));
    if (
      value === undefined ||
      value < parseAmount(range[0], RANGE_SCALE) ||
      value > parseAmount(range[1], RANGE_SCALE)
    )
      return `risk parameter ${name} ${String(raw)} is outside [${range[0]}, ${range[1]}]`;
  }
  return undefined;
}

function exactOrUndefined(decimal: string): bigint | undefined {
  try {
    return parseAmount(decimal, RANGE_SCALE);
  } catch {
    return undefined; // more digits than any range needs, or not a decimal: out of range either way
  }
}
