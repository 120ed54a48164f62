import {
  DEFAULT_COLLATERAL_PARAMS,
  defaultMarginConfig,
  defaultUnderlyingParams,
  MarginConfig,
} from '@clearing/risk';
import { OracleConfig } from '@clearing/valuation';

/**
 * Margin parameters per underlying on the SAME scenario grid the oracle builds its risk arrays on (both read
 * config/valuation.json), with the collateral that moves with each underlying joining its scenarios: the
 * asset itself and the liquid staking tokens staked in it (ETH: ETH and stETH).
 */
export function marginConfigFor(oracle: OracleConfig): MarginConfig {
  const underlyings = [...new Set(oracle.instruments.map((i) => i.underlying))];
  const stakedIn = (asset: string) =>
    Object.entries(DEFAULT_COLLATERAL_PARAMS)
      .filter(([, params]) => params.liquidStaking?.stakedAsset === asset)
      .map(([token]) => token);
  return defaultMarginConfig({
    underlyings: Object.fromEntries(
      underlyings.map((u) => [u, defaultUnderlyingParams([u, ...stakedIn(u)], oracle.gridOf(u))]),
    ),
  });
}
