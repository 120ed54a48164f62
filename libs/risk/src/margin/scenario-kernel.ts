// The hot loop of portfolio margin, shared by the per-account API and the per-tick batch (scenario-book.ts):
// an account's scenario P&L is sum(quantity x risk array), and its loss is the worst weighted scenario.
// O(positions x scenarios) per account, no repricing, no allocation beyond the caller's buffer.

import { ScenarioGrid } from '../scenario-grid';

/** pnl[s] += quantity * risks[offset + s] for every scenario s. */
export function addScaled(pnl: Float64Array, quantity: number, risks: ArrayLike<number>, offset = 0): void {
  for (let s = 0; s < pnl.length; s++) pnl[s] += quantity * risks[offset + s];
}

export interface WorstLoss {
  /** max over scenarios of weight x loss, floored at 0 (a portfolio that gains everywhere owes nothing). */
  readonly lossUsd: number;
  /** Index of that scenario in the grid; -1 when no scenario loses. */
  readonly scenario: number;
}

export function worstWeightedLoss(pnl: Float64Array, weights: Float64Array): WorstLoss {
  let lossUsd = 0;
  let scenario = -1;
  for (let s = 0; s < pnl.length; s++) {
    const weighted = -pnl[s] * weights[s];
    if (weighted > lossUsd) {
      lossUsd = weighted;
      scenario = s;
    }
  }
  return { lossUsd, scenario };
}

/** The grid's weights as a typed array (1 in the core table, spotRange / |move| in the extended one). */
export function scenarioWeights(grid: ScenarioGrid): Float64Array {
  return Float64Array.from(grid.scenarios, (scenario) => scenario.weight);
}

/** Fails loudly on a risk array built on another grid: a silent mismatch would misprice every account. */
export function assertArrayFits(instrument: string, risks: ArrayLike<number>, grid: ScenarioGrid): void {
  if (risks.length !== grid.scenarios.length) {
    throw new Error(
      `${instrument}: risk array of ${risks.length} scenarios, grid ${grid.id} has ${grid.scenarios.length}`,
    );
  }
}
