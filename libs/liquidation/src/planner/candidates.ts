import { divRound, InstrumentTerms, notionalDivisor, notionalExact } from '@clearing/ledger';
import {
  AccountMargin,
  accountMargin,
  HypotheticalTrade,
  MarginConfig,
  MarginMethod,
  MarginPortfolio,
  MarginPosition,
  MarketView,
  unitsOf,
  withTrade,
} from '@clearing/risk';
import { ClosePricingParams, priceClose } from '../close/close-pricing';
import { abs, ExactPosition, PPM } from '../close/exact-position';
import { netCollateralOf, shareOf } from './account-view';

/** Something a round may trade: reduce a held position, or hedge an options book's delta with a perp. */
export interface Candidate {
  readonly kind: 'close' | 'hedge';
  readonly instrument: string;
  readonly terms: InstrumentTerms;
  /** The margin view of the instrument (kind, contract size, strike). */
  readonly position: Omit<MarginPosition, 'quantity' | 'costUsd'>;
  /** Exact held position (close) or the perp at its mark with quantity 0 (hedge). */
  readonly exact: ExactPosition;
  /** Side of the trade and the most a round may trade (position minor units, a lot multiple or all). */
  readonly side: 'buy' | 'sell';
  readonly maxQuantity: bigint;
  readonly lot: bigint;
}

/** Where the account stands between trades of one round. */
export interface RoundState {
  readonly portfolio: MarginPortfolio;
  readonly margin: AccountMargin;
}

export interface Trial {
  readonly quantity: bigint;
  readonly price: bigint;
  readonly fee: bigint;
  readonly bankruptcyPrice?: bigint;
  /** Slippage to the liquidation price plus fee, USD (risk float: it ranks, it moves no money). */
  readonly costUsd: number;
  readonly after: RoundState;
}

export interface MarginContext {
  readonly market: MarketView;
  readonly config: MarginConfig;
  readonly method: MarginMethod;
  readonly pricing: ClosePricingParams;
}

/** Prices `quantity` of the candidate exactly and folds the trade into the account's margin. */
export function tryCandidate(
  state: RoundState,
  candidate: Candidate,
  quantity: bigint,
  context: MarginContext,
): Trial {
  const { terms, exact, side } = candidate;
  const priced =
    candidate.kind === 'close'
      ? priceAClose(state, candidate, quantity, context)
      : priceAHedge(state, candidate, quantity, context);
  const units = unitsOf(quantity, terms.positionScale) * (side === 'buy' ? 1 : -1);
  const quotePriceUsd = quotePriceOf(context.market, terms.settlementAsset);
  // The fee folded into the price: what the account receives or pays per unit after it.
  const feePerUnit =
    unitsOf(priced.fee, terms.settlementScale) / (Math.abs(units) * candidate.position.contractSize);
  const priceUnits =
    unitsOf(priced.price, terms.settlementScale) + (side === 'buy' ? feePerUnit : -feePerUnit);
  const trade: HypotheticalTrade = {
    position: candidate.position,
    quantity: units,
    priceUsd: priceUnits * quotePriceUsd,
    settlementAsset: terms.settlementAsset,
    settlementPriceUsd: quotePriceUsd,
  };
  const portfolio = withTrade(state.portfolio, trade);
  const margin = accountMargin(portfolio, context.market, context.config, context.method);
  const slippage = divRound(
    notionalExact(terms, quantity, abs(exact.markPrice - priced.price)),
    notionalDivisor(terms),
    'ceil',
  );
  const costUsd = unitsOf(slippage + priced.fee, terms.settlementScale) * quotePriceUsd;
  return { quantity, ...priced, costUsd, after: { portfolio, margin } };
}

function priceAClose(state: RoundState, candidate: Candidate, quantity: bigint, context: MarginContext) {
  const { exact, terms } = candidate;
  const close = candidate.side === 'sell' ? -quantity : quantity;
  const pricing = priceClose(
    {
      position: exact,
      close,
      netCollateral: netCollateralOf(
        state.margin,
        terms.settlementScale,
        quotePriceOf(context.market, terms.settlementAsset),
      ),
      share: shareOf(state.margin, candidate.instrument, close, exact.quantity),
    },
    context.pricing,
  );
  return { price: pricing.liquidationPrice, fee: pricing.fee, bankruptcyPrice: pricing.bankruptcyPrice };
}

/** A hedge opens risk-reducing exposure at the mark: the scheduled fee, capped at the account's NLV. */
function priceAHedge(state: RoundState, candidate: Candidate, quantity: bigint, context: MarginContext) {
  const { exact, terms } = candidate;
  const notional = notionalExact(terms, quantity, exact.markPrice) * context.pricing.feePpm;
  const scheduled = divRound(notional, notionalDivisor(terms) * PPM, 'ceil');
  const nlv = netCollateralOf(
    state.margin,
    terms.settlementScale,
    quotePriceOf(context.market, terms.settlementAsset),
  );
  const fee = scheduled < nlv ? scheduled : nlv > 0n ? nlv : 0n;
  return { price: exact.markPrice, fee };
}

/**
 * USD per unit of the settlement asset (Drift's quote price): prices and fees are in settlement units,
 * margin in USD. A settlement asset without a price is refused, never taken at par.
 */
function quotePriceOf(market: MarketView, settlementAsset: string): number {
  const price = market.assetPricesUsd.get(settlementAsset);
  if (price === undefined || !(price > 0))
    throw new Error(`no positive USD price for settlement asset ${settlementAsset}`);
  return price;
}
