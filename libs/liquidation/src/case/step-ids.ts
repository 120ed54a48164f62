import { deterministicId } from '@clearing/ledger';
import { CaseCommand, CaseDecision, LiquidationCase } from './case-types';

/** Command `index` of step `step` of the case: the same on every re-run of that step. */
export function stepCommandId(caseId: string, step: number, index: number): string {
  return deterministicId('liquidation-case', caseId, String(step), String(index));
}

type Unnumbered<C> = C extends CaseCommand ? Omit<C, 'commandId'> : never;

/** Numbers the next step's commands and keeps them pending; no commands, no step. */
export function issueStep(
  state: LiquidationCase,
  commands: readonly Unnumbered<CaseCommand>[],
  next: Partial<LiquidationCase>,
): CaseDecision {
  if (commands.length === 0) return { state: { ...state, ...next }, commands: [] };
  const step = state.steps + 1;
  const numbered = commands.map(
    (command, index) => ({ ...command, commandId: stepCommandId(state.caseId, step, index) }) as CaseCommand,
  );
  return {
    state: { ...state, ...next, steps: step, pending: { step, commands: numbered } },
    commands: numbered,
  };
}
