import { accountMargin } from '@clearing/risk';
import { PlanInput, planRound } from '../planner/partial-plan';
import { afterRound, roundGate, ThrottleParams } from '../planner/throttle';
import { CaseDecision, CasePhase, LiquidationCase } from './case-types';
import { AdlInput, CoverInput, decideCover, decideDeleverage } from './case-waterfall';
import { issueStep } from './step-ids';
import { withTakeover } from './takeover';

/** Inputs come from the service's log (marks, ledger confirmations): replayed, they give the same case. */
export type CaseInput =
  | {
      readonly type: 'Round';
      readonly occurredAt: string;
      readonly atMs: number;
      readonly plan: Omit<PlanInput, 'fractionPpm'>;
      readonly backstopAccount: string;
      readonly throttle: ThrottleParams;
    }
  | ({ readonly type: 'CoverDeficit' } & CoverInput)
  | ({ readonly type: 'Deleverage' } & AdlInput)
  | { readonly type: 'Booked'; readonly step: number }
  | { readonly type: 'Close' };

const ALLOWED: Record<CaseInput['type'], readonly CasePhase[]> = {
  Round: ['opened', 'liquidating'],
  CoverDeficit: ['insurance'],
  Deleverage: ['adl'],
  Booked: ['liquidating', 'healthy', 'insurance', 'adl', 'socialized'],
  Close: ['healthy', 'insurance', 'adl', 'socialized'],
};

/**
 * decide(case, input) -> (case, commands). Pure and deterministic. While a step is pending, any input
 * but its confirmation re-issues that step's commands unchanged (same ids), so a service that crashed
 * after publishing and before persisting can never execute a step twice.
 */
export function decideCase(state: LiquidationCase, input: CaseInput): CaseDecision {
  if (input.type === 'Booked') {
    if (state.pending?.step !== input.step) return { state, commands: [] };
    const { pending: _done, ...rest } = state;
    return { state: rest, commands: [] };
  }
  if (state.pending !== undefined) return { state, commands: state.pending.commands };
  if (!ALLOWED[input.type].includes(state.phase))
    throw new Error(`case ${state.caseId}: ${input.type} is not allowed in phase ${state.phase}`);
  switch (input.type) {
    case 'Round':
      return decideRound(state, input);
    case 'CoverDeficit':
      return decideCover(state, input);
    case 'Deleverage':
      return decideDeleverage(state, input);
    case 'Close':
      return { state: { ...state, phase: 'closed' }, commands: [] };
  }
}

function decideRound(state: LiquidationCase, input: Extract<CaseInput, { type: 'Round' }>): CaseDecision {
  const { plan, atMs } = input;
  const margin = accountMargin(plan.portfolio, plan.market, plan.config, plan.method);
  if (margin.nlvUsd < 0) return { state: { ...state, phase: 'insurance' }, commands: [] };
  const paused = [...plan.pausedUnderlyings].sort();
  const gate = roundGate(state.throttle, atMs, margin.health.ratio, input.throttle);
  if (!gate.due) return { state: { ...state, phase: 'liquidating', paused }, commands: [] };
  const round = planRound({ ...plan, fractionPpm: gate.fractionPpm });
  if (round.trades.length === 0)
    return { state: { ...state, phase: round.targetMet ? 'healthy' : 'liquidating', paused }, commands: [] };
  const commands = round.trades.flatMap((trade) =>
    withTakeover({
      type: 'LiquidationTransfer' as const,
      account: state.account,
      occurredAt: input.occurredAt,
      caseId: state.caseId,
      instrument: trade.instrument,
      side: trade.side,
      quantity: trade.quantity,
      price: trade.price,
      markPrice: trade.markPrice,
      ...(trade.bankruptcyPrice !== undefined ? { bankruptcyPrice: trade.bankruptcyPrice } : {}),
      counterpartyAccount: input.backstopAccount,
      fee: trade.fee,
    }),
  );
  return issueStep(state, commands, {
    phase: round.targetMet ? 'healthy' : 'liquidating',
    throttle: afterRound(gate, atMs, round.after.margin.health.ratio),
    paused,
  });
}
