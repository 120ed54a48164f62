import { AccountGreeks, accountGreeks } from './greeks';
import { Health, healthOf } from './health';
import { requirementCents } from './exact-fraction';
import { centsDifference, creditUsd, requirementUsd } from './money';
import { NetLiquidationValue, netLiquidationValue } from './nlv';
import { MarginConfig } from './params';
import { MarginPortfolio, MarketView } from './portfolio';
import { PortfolioMargin, portfolioMargin } from './portfolio-margin';
import { StandardMargin, standardMargin } from './standard-margin';

export type MarginMethod = 'portfolio' | 'standard';

/** IM and MM in USD, rounded up to the cent. */
export interface Requirement {
  readonly imUsd: number;
  readonly mmUsd: number;
}

/**
 * One account's published figures: USD numbers in whole cents, each rounded against the account
 * (values down, requirements up). `exact` keeps the unrounded breakdown for diagnostics and liquidation.
 */
export interface AccountMargin {
  readonly account: string;
  readonly method: MarginMethod;
  /** Everything at mark, no haircut. */
  readonly nlvUsd: number;
  /** Haircut collateral + all unrealized P&L: against MM. */
  readonly marginNlvUsd: number;
  /** Haircut collateral + capped unrealized profit: against IM. */
  readonly initialNlvUsd: number;
  readonly portfolio: Requirement;
  readonly standard: Requirement;
  /** The requirement of `method`. */
  readonly required: Requirement;
  /** standard IM - portfolio IM: what netting saves (negative when the grid is the stricter one). */
  readonly nettingSavingUsd: number;
  /** initialNlv - IM: what may be withdrawn or put at risk (negative: nothing). */
  readonly freeCollateralUsd: number;
  readonly health: Health;
  readonly greeks: AccountGreeks;
  readonly exact: { nlv: NetLiquidationValue; portfolio: PortfolioMargin; standard: StandardMargin };
}

/** O(positions x scenarios + collateral) per account; no repricing. */
export function accountMargin(
  portfolio: MarginPortfolio,
  market: MarketView,
  config: MarginConfig,
  method: MarginMethod = 'portfolio',
): AccountMargin {
  const nlv = netLiquidationValue(portfolio, market, config);
  const pm = portfolioMargin(portfolio, market, config);
  const sm = standardMargin(portfolio, market, config);
  const portfolioRequirement = rounded(pm);
  const standardRequirement = {
    imUsd: requirementCents(sm.exact.imUsd),
    mmUsd: requirementCents(sm.exact.mmUsd),
  };
  const required = method === 'portfolio' ? portfolioRequirement : standardRequirement;
  const nlvUsd = creditUsd(nlv.nlvUsd);
  const marginNlvUsd = creditUsd(nlv.marginNlvUsd);
  const initialNlvUsd = creditUsd(nlv.initialNlvUsd);
  return {
    account: portfolio.account,
    method,
    nlvUsd,
    marginNlvUsd,
    initialNlvUsd,
    portfolio: portfolioRequirement,
    standard: standardRequirement,
    required,
    nettingSavingUsd: centsDifference(standardRequirement.imUsd, portfolioRequirement.imUsd),
    freeCollateralUsd: centsDifference(initialNlvUsd, required.imUsd),
    health: healthOf(marginNlvUsd, required.mmUsd, nlvUsd, config.healthBands),
    greeks: accountGreeks(portfolio, market, config),
    exact: { nlv, portfolio: pm, standard: sm },
  };
}

function rounded(requirement: { imUsd: number; mmUsd: number }): Requirement {
  return { imUsd: requirementUsd(requirement.imUsd), mmUsd: requirementUsd(requirement.mmUsd) };
}
