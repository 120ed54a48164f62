import { InstrumentTerms } from '@clearing/ledger';
import { accountMargin, MarginPortfolio, unitsOf } from '@clearing/risk';
import { abs, ExactPosition, PPM } from '../close/exact-position';
import { Candidate, MarginContext, RoundState, Trial, tryCandidate } from './candidates';

export interface Holding {
  readonly exact: ExactPosition;
  /** Smallest tradable quantity, position minor units. */
  readonly lot: bigint;
}

/** The perp an options book on `underlying` may be hedged with. */
export interface HedgePerp {
  readonly terms: InstrumentTerms;
  readonly markPrice: bigint;
  readonly lot: bigint;
}

export interface PlanInput extends MarginContext {
  readonly portfolio: MarginPortfolio;
  /** Exact ledger positions by instrument. */
  readonly holdings: ReadonlyMap<string, Holding>;
  readonly hedgePerps: ReadonlyMap<string, HedgePerp>;
  /** Underlyings whose oracle mark is invalid: nothing on them trades. */
  readonly pausedUnderlyings: ReadonlySet<string>;
  /** Most of each position (or delta) this round may trade (the throttle's), ppm. */
  readonly fractionPpm: bigint;
  /** Target: marginNLV >= IM x this, ppm (1,100,000 = IM + 10%). */
  readonly targetImPpm: bigint;
}

export interface PlannedTrade {
  readonly kind: 'close' | 'hedge';
  readonly instrument: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: bigint;
  readonly price: bigint;
  readonly fee: bigint;
  /** The band the price lies in (journaled with the transfer): the mark, and a close's bankruptcy price. */
  readonly markPrice: bigint;
  readonly bankruptcyPrice?: bigint;
}

export interface Plan {
  readonly trades: readonly PlannedTrade[];
  readonly targetMet: boolean;
  readonly after: RoundState;
}

/**
 * One round of partial liquidation: greedily take the trade with the most margin relief per unit of
 * cost (slippage to the liquidation price + fee), whole up to the throttle's cap, until marginNLV >=
 * IM x buffer; the trade that reaches the target is cut to the fewest lots that reach it. So no more
 * is closed than needed, and an account that part of its book saves keeps the rest.
 */
export function planRound(input: PlanInput): Plan {
  let state: RoundState = {
    portfolio: input.portfolio,
    margin: accountMargin(input.portfolio, input.market, input.config, input.method),
  };
  const trades: PlannedTrade[] = [];
  let remaining = candidatesOf(input, state);
  while (!targetMet(state, input) && remaining.length > 0) {
    const best = bestTrial(state, remaining, input);
    if (best === undefined) break;
    const trial = targetMet(best.trial.after, input) ? fewestLots(state, best.candidate, input) : best.trial;
    trades.push(plannedTrade(best.candidate, trial));
    state = trial.after;
    remaining = remaining.filter((c) => c.instrument !== best.candidate.instrument);
  }
  return { trades, targetMet: targetMet(state, input), after: state };
}

function targetMet(state: RoundState, input: PlanInput): boolean {
  return shortfallUsd(state, input) <= 0;
}

function shortfallUsd(state: RoundState, input: PlanInput): number {
  const { marginNlvUsd, required } = state.margin;
  return (required.imUsd * Number(input.targetImPpm)) / Number(PPM) - marginNlvUsd;
}

function bestTrial(state: RoundState, candidates: readonly Candidate[], input: PlanInput) {
  const before = shortfallUsd(state, input);
  let best: { candidate: Candidate; trial: Trial; reliefPerCost: number; reliefUsd: number } | undefined;
  for (const candidate of candidates) {
    const trial = tryCandidate(state, candidate, candidate.maxQuantity, input);
    const reliefUsd = before - shortfallUsd(trial.after, input);
    if (reliefUsd <= 0) continue;
    const reliefPerCost = trial.costUsd > 0 ? reliefUsd / trial.costUsd : Infinity;
    const better =
      best === undefined ||
      reliefPerCost > best.reliefPerCost ||
      (reliefPerCost === best.reliefPerCost && reliefUsd > best.reliefUsd);
    if (better) best = { candidate, trial, reliefPerCost, reliefUsd };
  }
  return best;
}

/** Binary search over whole lots (capped at the candidate's maximum) for the fewest that meet the target. */
function fewestLots(state: RoundState, candidate: Candidate, input: PlanInput): Trial {
  const quantityAt = (lots: bigint) => min(lots * candidate.lot, candidate.maxQuantity);
  let low = 1n;
  let high = (candidate.maxQuantity + candidate.lot - 1n) / candidate.lot;
  let found = tryCandidate(state, candidate, quantityAt(high), input);
  while (low < high) {
    const middle = (low + high) / 2n;
    const trial = tryCandidate(state, candidate, quantityAt(middle), input);
    if (targetMet(trial.after, input)) [high, found] = [middle, trial];
    else low = middle + 1n;
  }
  return found;
}

function plannedTrade(candidate: Candidate, trial: Trial): PlannedTrade {
  const { kind, instrument, side } = candidate;
  const { quantity, price, fee, bankruptcyPrice } = trial;
  return {
    kind,
    instrument,
    side,
    quantity,
    price,
    fee,
    markPrice: candidate.exact.markPrice,
    ...(bankruptcyPrice !== undefined ? { bankruptcyPrice } : {}),
  };
}

function candidatesOf(input: PlanInput, state: RoundState): Candidate[] {
  const closes = input.portfolio.positions.flatMap((position): Candidate[] => {
    const holding = input.holdings.get(position.instrument);
    if (holding === undefined || !tradable(input, position.instrument)) return [];
    const { exact, lot } = holding;
    const side = exact.quantity > 0n ? 'sell' : 'buy';
    const maxQuantity = capped(abs(exact.quantity), lot, input.fractionPpm);
    const { quantity: _q, costUsd: _c, ...view } = position;
    return [
      {
        kind: 'close',
        instrument: position.instrument,
        terms: exact.terms,
        position: view,
        exact,
        side,
        maxQuantity,
        lot,
      },
    ];
  });
  return [...closes, ...hedgesOf(input, state)];
}

/** An options book's net delta, offset with the underlying's perp (throttled like any close). */
function hedgesOf(input: PlanInput, state: RoundState): Candidate[] {
  return state.margin.greeks.byUnderlying.flatMap((greeks): Candidate[] => {
    const perp = input.hedgePerps.get(greeks.underlying);
    const hasOptions = input.portfolio.positions.some(
      (p) => p.kind === 'option' && input.market.marks.get(p.instrument)?.underlying === greeks.underlying,
    );
    if (perp === undefined || !hasOptions || greeks.delta === 0 || !tradable(input, perp.terms.instrument))
      return [];
    const { terms, markPrice, lot } = perp;
    const contractSize = unitsOf(terms.contractSize.minor, terms.contractSize.scale);
    // Contracts to offset the delta, in position minor units, up to whole lots.
    const needed = BigInt(Math.ceil((Math.abs(greeks.delta) / contractSize) * 10 ** terms.positionScale));
    const maxQuantity = capped(needed, lot, input.fractionPpm);
    if (maxQuantity === 0n) return [];
    const position = { instrument: terms.instrument, kind: 'perpetual' as const, contractSize };
    const exact = { terms, quantity: 0n, markPrice };
    return [
      {
        kind: 'hedge',
        instrument: terms.instrument,
        terms,
        position,
        exact,
        side: greeks.delta > 0 ? 'sell' : 'buy',
        maxQuantity,
        lot,
      },
    ];
  });
}

function tradable(input: PlanInput, instrument: string): boolean {
  const mark = input.market.marks.get(instrument);
  return mark !== undefined && mark.status === 'valid' && !input.pausedUnderlyings.has(mark.underlying);
}

/** fraction x size, rounded up to the lot, never beyond the size itself. */
function capped(size: bigint, lot: bigint, fractionPpm: bigint): bigint {
  if (lot <= 0n) throw new RangeError(`a lot must be positive, got ${lot}`);
  const share = (size * fractionPpm + PPM - 1n) / PPM;
  return min(((share + lot - 1n) / lot) * lot, size);
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
