/**
 * The scenario grid of portfolio margin (SPAN's idea, Deribit's and Paradex's parameters): spot shocks x
 * vol shocks, plus an extended table of far spot moves taken with vol up and counted at a fraction.
 * Plain data, so the margin calculator rebuilds the identical grid from the same configuration.
 */
export interface ScenarioGridParams {
  /** Largest spot move of the core table, as a fraction (0.16 = +-16%). */
  readonly spotRange: number;
  /** Evenly spaced buckets per side; with the zero move the core table has 2 * steps + 1 spot moves. */
  readonly spotStepsPerSide: number;
  /** Relative vol shock up (0.5 = vol x 1.5 at 30 days to expiry). */
  readonly volRangeUp: number;
  /** Relative vol shock down (0.25 = vol x 0.75 at 30 days to expiry). */
  readonly volRangeDown: number;
  /** Shocks are scaled by (pivotDays / DTE)^power: short-dated vol moves more (vol of vol term structure). */
  readonly volPivotDays: number;
  /** Power under `volPivotDays` days to expiry. */
  readonly shortDatedVolPower: number;
  /** Power from `volPivotDays` days on. */
  readonly longDatedVolPower: number;
  /** Days to expiry are floored here so (30/DTE)^p stays finite on the expiry day. */
  readonly minDaysToExpiry: number;
  /** The shocked-up vol is at least this (Deribit's minVolForShockUp); 0 disables. */
  readonly minVolForShockUp: number;
  /** Far spot moves of the extended table, as fractions (-0.66 = -66%), always with vol up. */
  readonly extendedMoves: readonly number[];
}

export type VolShock = 'up' | 'same' | 'down';

export interface Scenario {
  /** Spot (and forward) move as a fraction: 0.04 = +4%. */
  readonly spotShock: number;
  readonly volShock: VolShock;
  /** Margin counts this scenario's loss times `weight`: 1 in the core table, spotRange / |move| beyond. */
  readonly weight: number;
}

export interface ScenarioGrid {
  /** Content hash of the parameters: a consumer holding another grid under the same name detects it. */
  readonly id: string;
  readonly params: ScenarioGridParams;
  readonly scenarios: readonly Scenario[];
}

/** Deribit's BTC portfolio margin table (docs.oreome.com) with Paradex's extended moves and weights. */
export const DEFAULT_GRID_PARAMS: ScenarioGridParams = {
  spotRange: 0.16,
  spotStepsPerSide: 4,
  volRangeUp: 0.5,
  volRangeDown: 0.25,
  volPivotDays: 30,
  shortDatedVolPower: 0.3,
  longDatedVolPower: 0.13,
  minDaysToExpiry: 1,
  minVolForShockUp: 0,
  extendedMoves: [-0.66, -0.33, 0.5, 1, 2, 3, 4, 5],
};

const VOL_SHOCKS: readonly VolShock[] = ['up', 'same', 'down'];

export function buildScenarioGrid(overrides: Partial<ScenarioGridParams> = {}): ScenarioGrid {
  const params = { ...DEFAULT_GRID_PARAMS, ...overrides };
  assertGridParams(params);
  const core: Scenario[] = [];
  for (let step = -params.spotStepsPerSide; step <= params.spotStepsPerSide; step++) {
    const spotShock = (params.spotRange * step) / params.spotStepsPerSide;
    for (const volShock of VOL_SHOCKS) core.push({ spotShock, volShock, weight: 1 });
  }
  // Paradex weighs a far move by range/|move| (-66% at 24%, +500% at 3.2%): the loss counted never
  // exceeds what the core range would charge on a linear position, yet short far wings still pay.
  const extended = params.extendedMoves.map(
    (spotShock): Scenario => ({ spotShock, volShock: 'up', weight: params.spotRange / Math.abs(spotShock) }),
  );
  return { id: gridId(params), params, scenarios: [...core, ...extended] };
}

/** Index of the no-move, same-vol scenario, whose P&L is zero by construction. */
export function zeroScenarioIndex(grid: ScenarioGrid): number {
  return grid.scenarios.findIndex((s) => s.spotShock === 0 && s.volShock === 'same');
}

function assertGridParams(params: ScenarioGridParams): void {
  const positive = ['spotRange', 'volPivotDays', 'minDaysToExpiry'] as const;
  for (const name of positive) {
    if (!(params[name] > 0)) throw new RangeError(`scenario grid ${name} must be > 0, got ${params[name]}`);
  }
  if (!Number.isInteger(params.spotStepsPerSide) || params.spotStepsPerSide < 1) {
    throw new RangeError(`scenario grid spotStepsPerSide must be an integer >= 1`);
  }
  if (!(params.volRangeDown >= 0 && params.volRangeDown < 1 && params.volRangeUp >= 0)) {
    throw new RangeError('scenario grid vol ranges must be >= 0, and volRangeDown < 1 (vol stays > 0)');
  }
  for (const move of params.extendedMoves) {
    if (!(move > -1 && move !== 0 && Number.isFinite(move))) {
      throw new RangeError(`extended move must be finite, > -1 and not 0, got ${move}`);
    }
  }
}

/** FNV-1a (32 bit) of the canonical parameter JSON: short, stable across processes and languages. */
function gridId(params: ScenarioGridParams): string {
  const canonical = JSON.stringify(params, Object.keys(params).sort());
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `grid-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
