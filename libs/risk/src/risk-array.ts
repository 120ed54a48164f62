import { black76, Black76Input, DEFAULT_VOL_BOUNDS } from '@clearing/pricing';
import { ScenarioGrid, ScenarioGridParams, VolShock } from './scenario-grid';

const DAYS_PER_YEAR = 365;

/** A position whose value moves one-for-one with its underlying: spot, perpetual, dated future. */
export interface LinearRiskInput {
  readonly kind: 'linear';
  /** Mark price of one contract's underlying unit (USD). */
  readonly price: number;
  /** Underlying units per contract. */
  readonly contractSize: number;
}

/** A European option on a forward, revalued with Black-76 under each scenario (sticky strike). */
export interface OptionRiskInput extends Black76Input {
  readonly kind: 'option';
  readonly contractSize: number;
}

export type RiskInput = LinearRiskInput | OptionRiskInput;

/**
 * P&L of one unit (one contract, long) under every scenario of `grid`, in the grid's order, in USD.
 * A short position's array is the negation, so an account's scenario P&L is a dot product of
 * quantities and arrays: no repricing per account.
 */
export function riskArray(input: RiskInput, grid: ScenarioGrid): number[] {
  return input.kind === 'linear' ? linearRiskArray(input, grid) : optionRiskArray(input, grid);
}

function linearRiskArray(input: LinearRiskInput, grid: ScenarioGrid): number[] {
  return grid.scenarios.map((scenario) => input.price * scenario.spotShock * input.contractSize);
}

function optionRiskArray(input: OptionRiskInput, grid: ScenarioGrid): number[] {
  const { type, forward, strike, years, rate, vol, contractSize } = input;
  const base = black76({ type, forward, strike, years, rate, vol }).price;
  const scale = volShockScale(years * DAYS_PER_YEAR, grid.params);
  const shockedVol = {
    up: Math.max(vol * (1 + grid.params.volRangeUp * scale), grid.params.minVolForShockUp),
    same: vol,
    // Floored so a large down shock on a short-dated option never reaches zero or negative vol.
    down: Math.max(vol * (1 - grid.params.volRangeDown * scale), DEFAULT_VOL_BOUNDS.minVol),
  } satisfies Record<VolShock, number>;
  return grid.scenarios.map((scenario) => {
    if (scenario.spotShock === 0 && scenario.volShock === 'same') return 0;
    const shocked = black76({
      type,
      forward: forward * (1 + scenario.spotShock),
      strike,
      years,
      rate,
      vol: shockedVol[scenario.volShock],
    });
    return (shocked.price - base) * contractSize;
  });
}

/** (pivot / DTE)^p, p the short-dated power under the pivot and the long-dated one from it on. */
export function volShockScale(daysToExpiry: number, params: ScenarioGridParams): number {
  const days = Math.max(daysToExpiry, params.minDaysToExpiry);
  const power = days < params.volPivotDays ? params.shortDatedVolPower : params.longDatedVolPower;
  return Math.pow(params.volPivotDays / days, power);
}
