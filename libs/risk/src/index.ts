export { buildScenarioGrid, DEFAULT_GRID_PARAMS, zeroScenarioIndex } from './scenario-grid';
export type { Scenario, ScenarioGrid, ScenarioGridParams, VolShock } from './scenario-grid';
export { riskArray, volShockScale } from './risk-array';
export type { LinearRiskInput, OptionRiskInput, RiskInput } from './risk-array';
export * from './margin';
