export { accountMargin } from './account-margin';
export type { AccountMargin, MarginMethod, Requirement } from './account-margin';
export { contingenciesOf } from './contingencies';
export type { Contingencies } from './contingencies';
export {
  DEFAULT_COLLATERAL_PARAMS,
  DEFAULT_STANDARD_PARAMS,
  defaultMarginConfig,
  defaultUnderlyingParams,
} from './defaults';
export { ewmaVolatility, observeIndex, volatilityOver } from './ewma-volatility';
export type { EwmaVolatility } from './ewma-volatility';
export { portfolioFromLedger, positionFromLedger } from './from-ledger';
export type { LedgerAccountView, LedgerPositionView } from './from-ledger';
export { accountGreeks } from './greeks';
export type { AccountGreeks, UnderlyingGreeks } from './greeks';
export { collateralPriceInputs, collateralPriceUsd, haircutOf, valueCollateral } from './haircut';
export type { CollateralValue, Haircut } from './haircut';
export { healthOf } from './health';
export type { Health, HealthBand } from './health';
export { centsDifference, creditUsd, requirementUsd, unitsOf } from './money';
export { netLiquidationValue } from './nlv';
export type { NetLiquidationValue } from './nlv';
export { tierRate } from './params';
export type {
  CollateralParams,
  HealthBands,
  InterUnderlyingCredit,
  MarginConfig,
  SizeTier,
  StandardMarginParams,
  UnderlyingMarginParams,
} from './params';
export type {
  CollateralHolding,
  MarginMark,
  MarginPortfolio,
  MarginPosition,
  MarketView,
  PositionKind,
} from './portfolio';
export { portfolioMargin } from './portfolio-margin';
export { interUnderlyingCredits } from './inter-underlying-credit';
export { fractionOf, requirementCents } from './exact-fraction';
export type { Fraction } from './exact-fraction';
export type { PortfolioMargin, UnderlyingMargin } from './portfolio-margin';
export { UnderlyingScenarioBook } from './scenario-book';
export type { BookMargins, BookPosition, TickInstrument } from './scenario-book';
export { addScaled, worstWeightedLoss } from './scenario-kernel';
export { positionStandardMargin, standardMargin } from './standard-margin';
export type { PositionStandardMargin, StandardMargin } from './standard-margin';
export { whatIf, withTrade } from './what-if';
export type { HypotheticalTrade } from './what-if';
