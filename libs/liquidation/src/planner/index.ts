export { netCollateralOf, shareOf } from './account-view';
export { tryCandidate } from './candidates';
export type { Candidate, MarginContext, RoundState, Trial } from './candidates';
export { planRound } from './partial-plan';
export type { HedgePerp, Holding, Plan, PlanInput, PlannedTrade } from './partial-plan';
export { afterRound, roundGate } from './throttle';
export type { RoundGate, ThrottleParams, ThrottleState } from './throttle';
