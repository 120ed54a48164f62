export { AccountIndex } from './account-index';
export { MarketState } from './market-state';
export type { EwmaSettings, MarketChange, VolatilitySnapshot } from './market-state';
export { MarginEngine } from './margin-engine';
export type { Cause, MarginEngineSettings } from './margin-engine';
export { isNewer, marginMessage, unpricedMessage, usdString } from './margin-wire';
export type { MarginStamp } from './margin-wire';
export { missingMarketData } from './missing-market-data';
export { loadVolatility, persistVolatility, restoreVolatility, saveVolatility } from './volatility-store';
export type { SqlRunner } from './volatility-store';
export { worthPublishing } from './publish-policy';
export type { PublishThreshold } from './publish-policy';
export { approveWithdrawal, whatIfMargin } from './trading-checks';
export type {
  Before,
  CheckResult,
  InstrumentCatalog,
  WhatIfTrade,
  WithdrawalApproval,
} from './trading-checks';
export { withRiskParams } from './risk-params';
export type { RiskParamsChange } from './risk-params';
export { marginConfigFor } from './margin-config';
