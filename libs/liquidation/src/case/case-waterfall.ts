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
            transfer(state, input, h.exact, {
              quantity: abs(h.exact.quantity),
              price: h.exact.markPrice,
              bankruptcyPrice: bankruptcyOf(h, input.netCollateral),
              type: 'LiquidationTransfer',
              counterpartyAccount: input.backstopAccount,
            }),
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
  for (const holding of input.holdings) {
    const { exact, share } = holding;
    const price = bankruptcyOf(holding, input.netCollateral);
    const { matches, unfilled } = allocateAdl(
      input.queues.get(exact.terms.instrument) ?? [],
      abs(exact.quantity),
    );
    for (const match of matches) {
      const adl = {
        quantity: match.quantity,
        price,
        bankruptcyPrice: price,
        type: 'AutoDeleverage' as const,
      };
      commands.push(transfer(state, input, exact, { ...adl, counterpartyAccount: match.account }));
      commands.push({
        ...transfer(state, input, exact, { ...adl, counterpartyAccount: state.account }),
        account: match.account,
        side: exact.quantity > 0n ? ('buy' as const) : ('sell' as const),
      });
    }
    if (unfilled === 0n) continue;
    const rest = transfer(state, input, exact, {
      quantity: unfilled,
      price: exact.markPrice,
      bankruptcyPrice: price,
      type: 'LiquidationTransfer',
      counterpartyAccount: input.backstopAccount,
    });
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

/** The whole position's bankruptcy price: where an ADL trades, the far end of a close's price band. */
function bankruptcyOf(holding: WaterfallBase['holdings'][number], netCollateral: bigint): bigint {
  const { exact, share } = holding;
  return bankruptcyPrice({ position: exact, close: -exact.quantity, netCollateral, share });
}

interface TransferTerms {
  readonly quantity: bigint;
  readonly price: bigint;
  readonly bankruptcyPrice: bigint;
  readonly type: 'LiquidationTransfer' | 'AutoDeleverage';
  readonly counterpartyAccount: AccountId;
}

/** A close of (part of) the case account's position, journaled with its band: mark and bankruptcy. */
function transfer(state: LiquidationCase, input: WaterfallBase, exact: ExactPosition, terms: TransferTerms) {
  const side = exact.quantity > 0n ? ('sell' as const) : ('buy' as const);
  return {
    ...terms,
    account: state.account,
    occurredAt: input.occurredAt,
    caseId: state.caseId,
    instrument: exact.terms.instrument,
    side,
    markPrice: exact.markPrice,
    fee: 0n,
  };
}
