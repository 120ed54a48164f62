import * as exact from './exact-fraction';
import { Fraction, fractionOf } from './exact-fraction';
import { MarginConfig, paramsOf, SizeTier, StandardMarginParams } from './params';
import { MarginPortfolio, MarginPosition, MarketView, markOf, MarginMark } from './portfolio';

export interface PositionStandardMargin {
  readonly instrument: string;
  /** Linear: |quantity x mark|; options: |quantity| x contract size x index. */
  readonly notionalUsd: number;
  readonly imRate: number;
  /** IM and MM as floats, for diagnostics and apportioning; published figures round `exact`. */
  readonly imUsd: number;
  readonly mmUsd: number;
  readonly exact: { readonly imUsd: Fraction; readonly mmUsd: Fraction };
}

export interface StandardMargin {
  readonly positions: readonly PositionStandardMargin[];
  readonly imUsd: number;
  readonly mmUsd: number;
  /** Exact sums: the account's requirement is these, rounded once (accountMargin). */
  readonly exact: { readonly imUsd: Fraction; readonly mmUsd: Fraction };
}

/**
 * Standard (isolated) margin: every position margined on its own, as if nothing offset it. The baseline
 * for accounts not on portfolio margin, and for every account the measure of what netting saves. Exact
 * (fractions of the decimal inputs): the float product of a scaled rate and a notional can land a hair
 * above a whole cent and round a requirement up by a spurious cent.
 */
export function standardMargin(
  portfolio: MarginPortfolio,
  market: MarketView,
  config: MarginConfig,
): StandardMargin {
  const positions = portfolio.positions.map((position) => {
    const mark = markOf(market, position.instrument);
    return positionStandardMargin(position, mark, paramsOf(config, mark.underlying).standard);
  });
  const imUsd = exact.sum(positions.map((p) => p.exact.imUsd));
  const mmUsd = exact.sum(positions.map((p) => p.exact.mmUsd));
  return { positions, imUsd: exact.toNumber(imUsd), mmUsd: exact.toNumber(mmUsd), exact: { imUsd, mmUsd } };
}

export function positionStandardMargin(
  position: MarginPosition,
  mark: MarginMark,
  params: StandardMarginParams,
): PositionStandardMargin {
  if (position.kind === 'option') return shortOptionMargin(position, mark, params);
  if (mark.markPrice === undefined) throw new Error(`${position.instrument} has no mark price`);
  const notional = exact.abs(exact.mul(fractionOf(position.quantity), fractionOf(mark.markPrice)));
  // A long spot holding is fully paid; anything else is leveraged exposure.
  if (position.kind === 'spot' && position.quantity >= 0)
    return figures(position, notional, exact.ZERO, exact.ZERO);
  const sizeTerm = exact.mul(
    fractionOf(params.sizeRatePerUnit),
    exact.abs(exact.mul(fractionOf(position.quantity), fractionOf(position.contractSize))),
  );
  const imRate = openInterestScaled(exact.add(tierRateOf(params.imTiers, notional), sizeTerm), mark, params);
  const mmRate = exact.add(tierRateOf(params.mmTiers, notional), sizeTerm);
  return figures(position, notional, exact.mul(imRate, notional), exact.mul(mmRate, notional));
}

/**
 * The writer's margin beyond the option's mark (the mark itself is in NLV: a short is valued at -mark).
 * IM (Deribit, Lyra StandardManager): max(rate x underlying - OTM amount, minRate x underlying). MM has its
 * own rule, not a share of IM (which would carry IM's out-of-the-money discount into maintenance):
 * mmRate x underlying, for a put at least `shortPutMmMarkShare` x mark. IM is never below MM (Deribit's
 * put rule, Lyra's mmOffsetScale). Long options are paid in full: nothing.
 */
function shortOptionMargin(position: MarginPosition, mark: MarginMark, params: StandardMarginParams) {
  const contractSize = fractionOf(position.contractSize);
  const index = fractionOf(mark.indexPrice);
  const underlying = exact.mul(contractSize, index);
  const notional = exact.mul(exact.abs(fractionOf(position.quantity)), underlying);
  if (position.quantity >= 0) return figures(position, notional, exact.ZERO, exact.ZERO);
  const outOfMoney = exact.mul(contractSize, outOfMoneyPerUnit(position, index));
  const rateOf = (rate: number) => exact.mul(fractionOf(rate), underlying);
  let mmPerContract = rateOf(params.shortOptionMmRate);
  if (position.optionType === 'put' && mark.markPrice !== undefined)
    mmPerContract = exact.max(
      mmPerContract,
      exact.mul(fractionOf(params.shortPutMmMarkShare), fractionOf(mark.markPrice)),
    );
  const imPerContract = exact.max(
    exact.max(exact.sub(rateOf(params.shortOptionRate), outOfMoney), rateOf(params.shortOptionMinRate)),
    mmPerContract,
  );
  const contracts = fractionOf(-position.quantity);
  return figures(
    position,
    notional,
    exact.mul(imPerContract, contracts),
    exact.mul(mmPerContract, contracts),
  );
}

function figures(
  position: MarginPosition,
  notional: Fraction,
  imUsd: Fraction,
  mmUsd: Fraction,
): PositionStandardMargin {
  const notionalUsd = exact.toNumber(notional);
  const imUsdFloat = exact.toNumber(imUsd);
  return {
    instrument: position.instrument,
    notionalUsd,
    imRate: notionalUsd === 0 ? 0 : imUsdFloat / notionalUsd,
    imUsd: imUsdFloat,
    mmUsd: exact.toNumber(mmUsd),
    exact: { imUsd, mmUsd },
  };
}

/** The tier `notional` falls into, compared exactly (a float notional could straddle a tier's edge). */
function tierRateOf(tiers: readonly SizeTier[], notional: Fraction): Fraction {
  if (tiers.length === 0) throw new RangeError('a tier table needs at least one tier');
  const tier = tiers.find((t) => t.upTo === Infinity || exact.compare(notional, fractionOf(t.upTo)) <= 0);
  return fractionOf((tier ?? tiers[tiers.length - 1]).rate);
}

/**
 * dYdX v4's open-interest scaling: between the lower and upper caps of open interest, the IM rate rises
 * linearly from its tier rate to 100%, so a market that grows too crowded stops accepting leverage.
 */
function openInterestScaled(
  imRate: Fraction,
  mark: { readonly openInterestUsd?: number },
  params: StandardMarginParams,
): Fraction {
  const caps = params.openInterest;
  // A rate already at 100% (a large size term) is not scaled back down towards it.
  if (caps === undefined || mark.openInterestUsd === undefined || exact.compare(imRate, exact.ONE) >= 0)
    return imRate;
  const lower = fractionOf(caps.lowerCapUsd);
  const crowding = exact.div(
    exact.sub(fractionOf(mark.openInterestUsd), lower),
    exact.sub(fractionOf(caps.upperCapUsd), lower),
  );
  return exact.add(
    imRate,
    exact.mul(exact.clamp(crowding, exact.ZERO, exact.ONE), exact.sub(exact.ONE, imRate)),
  );
}

function outOfMoneyPerUnit(position: MarginPosition, index: Fraction): Fraction {
  if (position.strike === undefined) throw new Error(`${position.instrument}: option without strike`);
  const strike = fractionOf(position.strike);
  const otm = position.optionType === 'put' ? exact.sub(index, strike) : exact.sub(strike, index);
  return exact.max(otm, exact.ZERO);
}
