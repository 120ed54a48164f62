export { adlLights, adlScore, allocateAdl, rankForAdl } from './adl-ranking';
export type { AdlCandidate, AdlMatch, RankedCandidate } from './adl-ranking';
export { coverTwo } from './cover-two';
export type { CoverTwo, StressedAccount } from './cover-two';
export { coverDeficit, creditFees } from './insurance-fund';
export type { Coverage, InsuranceDraw, InsuranceFundLimits, InsuranceFundState } from './insurance-fund';
export { socializedLossFactorPpm, withdrawablePart } from './socialized-loss';
export { isLiquidationCandidate, marginShortfallUsd } from './system-accounts';
