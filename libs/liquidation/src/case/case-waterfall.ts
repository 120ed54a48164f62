import { AccountId, divRound } from '@clearing/ledger';
import { bankruptcyPrice } from '../close/bankruptcy';
import { abs, CollateralShare, ExactPosition } from '../close/exact-position';
import { allocateAdl, RankedCandidate } from '../waterfall/adl-ranking';
import { coverDeficit, InsuranceFundLimits, InsuranceFundState } from '../waterfall/insurance-fund';
import { CaseDecision, LiquidationCase } from './case-types';
import { issueStep } from './step-ids';
import { withTakeover } from './takeover';

interface WaterfallBase {
  readonly occurredAt: string;
  readonly backstopAccount: AccountId;
  readonly settlementAsset: string;
  /** The account's NLV at mark now, settlement minor units (negative: the deficit). */
  readonly netCollateral: bigint;
  readonly holdings: readonly { readonly exact: ExactPosition; readonly share: CollateralShare }[];
}

export interface CoverInput extends WaterfallBase {
  readonly atMs: number;
  readonly fund: InsuranceFundState;
  readonly limits: InsuranceFundLimits;
}

export interface AdlInput extends WaterfallBase {
  /** Opposite-side positions per instrument, ranked at execution time (rankForAdl). */
  readonly queues: ReadonlyMap<string, readonly RankedCandidate[]>;
}

/**
 * The insurance fund tops the account up by what it may draw. Fully covered: every position closes at
 * the mark (no fee: there is no equity above bankruptcy) and the account ends at zero. Otherwise ADL.
 */
export function decideCover(
  state: LiquidationCase,
  input: CoverInput,
): CaseDecision & { fund: InsuranceFundState } {
  const deficit = input.netCollateral < 0n ? -input.netCollateral : 0n;
  const { covered, uncovered, fund } = coverDeficit(input.fund, deficit, input.atMs, input.limits);
  const base = { account: state.account, occurredAt: input.occurredAt, caseId: state.caseId };
  const draw =
    covered > 0n
      ? [{ ...base, type: 'InsuranceFundDraw' as const, asset: input.settlementAsset, amount: covered }]
      : [];
  const closes =
    uncovered === 0n
      ? input.holdings.flatMap((h) =>
          withTakeover(
            transfer(
              state,
              input,
              h.exact,
              abs(h.exact.quantity),
              h.exact.markPrice,
              'LiquidationTransfer',
              input.backstopAccount,
            ),
          ),
        )
      : [];
  return {
    ...issueStep(state, [...draw, ...closes], { phase: uncovered === 0n ? 'insurance' : 'adl' }),
    fund,
  };
}

/**
 * Each position goes to the top of the opposite side's queue at its bankruptcy price (minimum
 * quantity only), both legs booked against the CCP. What the queue cannot take closes at the mark and
 * its share of the deficit is socialized.
 */
export function decideDeleverage(state: LiquidationCase, input: AdlInput): CaseDecision {
  const commands = [];
  let unfilledLoss = 0n;
  for (const { exact, share } of input.holdings) {
    const close = -exact.quantity;
    const price = bankruptcyPrice({ position: exact, close, netCollateral: input.netCollateral, share });
    const { matches, unfilled } = allocateAdl(input.queues.get(exact.terms.instrument) ?? [], abs(close));
    for (const match of matches) {
      commands.push(transfer(state, input, exact, match.quantity, price, 'AutoDeleverage', match.account));
      commands.push({
        ...transfer(state, input, exact, match.quantity, price, 'AutoDeleverage', state.account),
        account: match.account,
        side: exact.quantity > 0n ? ('buy' as const) : ('sell' as const),
      });
    }
    if (unfilled === 0n) continue;
    const rest = transfer(
      state,
      input,
      exact,
      unfilled,
      exact.markPrice,
      'LiquidationTransfer',
      input.backstopAccount,
    );
    commands.push(...withTakeover(rest));
    // The unfilled part's share of the deficit, rounded up: the loss is never understated.
    const deficit = input.netCollateral < 0n ? -input.netCollateral : 0n;
    unfilledLoss += divRound(deficit * share.part * unfilled, share.total * abs(exact.quantity), 'ceil');
  }
  if (unfilledLoss === 0n) return issueStep(state, commands, { phase: 'adl' });
  const loss = {
    type: 'SocializeLoss' as const,
    account: state.account,
    caseId: state.caseId,
    asset: input.settlementAsset,
    amount: unfilledLoss,
    occurredAt: input.occurredAt,
  };
  return issueStep(state, [...commands, loss], { phase: 'socialized' });
}

function transfer(
  state: LiquidationCase,
  input: WaterfallBase,
  exact: ExactPosition,
  quantity: bigint,
  price: bigint,
  type: 'LiquidationTransfer' | 'AutoDeleverage',
  counterpartyAccount: AccountId,
) {
  const side = exact.quantity > 0n ? ('sell' as const) : ('buy' as const);
  const { instrument } = exact.terms;
  return {
    type,
    account: state.account,
    occurredAt: input.occurredAt,
    caseId: state.caseId,
    instrument,
    side,
    quantity,
    price,
    counterpartyAccount,
    fee: 0n,
  };
}
