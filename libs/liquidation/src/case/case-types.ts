import { InsuranceFundDraw, PositionTransfer } from '@clearing/ledger';
import { ThrottleState } from '../planner/throttle';
import { InsuranceFundState } from '../waterfall/insurance-fund';

export type CasePhase = 'opened' | 'liquidating' | 'healthy' | 'insurance' | 'adl' | 'socialized' | 'closed';

/** What nobody covered: the ledger writes the case account's debt off and sets the withdrawal factor. */
export interface SocializeLoss {
  readonly type: 'SocializeLoss';
  readonly commandId: string;
  readonly account: string;
  readonly caseId: string;
  readonly asset: string;
  readonly amount: bigint;
  readonly occurredAt: string;
}

export type CaseCommand = PositionTransfer | InsuranceFundDraw | SocializeLoss;

export interface CaseStep {
  readonly step: number;
  readonly commands: readonly CaseCommand[];
}

/** A liquidation case, a pure fold of its inputs: persisted by the service after every decision. */
export interface LiquidationCase {
  readonly caseId: string;
  readonly account: string;
  readonly phase: CasePhase;
  /** Steps issued so far: ids of step n derive from (caseId, n), so a re-run issues the same ids. */
  readonly steps: number;
  /** The last step until the ledger confirms it: re-issued unchanged, never re-planned. */
  readonly pending?: CaseStep;
  readonly throttle: ThrottleState;
  /** Underlyings whose invalid mark held back the last round. */
  readonly paused: readonly string[];
}

export interface CaseDecision {
  readonly state: LiquidationCase;
  /** To publish (again, when a crash interrupted them): the ledger deduplicates by command id. */
  readonly commands: readonly CaseCommand[];
  /** After an insurance draw: the fund as the service must persist it with the case. */
  readonly fund?: InsuranceFundState;
}

export function openCase(caseId: string, account: string): LiquidationCase {
  return { caseId, account, phase: 'opened', steps: 0, throttle: { level: 0 }, paused: [] };
}
