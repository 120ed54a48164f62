import { CaseClosedV1, CaseOpenedV1, CaseOutcomeV1, CaseStepV1 } from '@clearing/contracts';
import { CasePhase } from '@clearing/liquidation';
import { usdString } from '@clearing/margin-engine';
import { AccountSnapshot } from '../state/account-snapshot';
import { IssuedStep, StoredCase } from './case-store';

export function caseOpened(stored: StoredCase, snapshot: AccountSnapshot): CaseOpenedV1 {
  const { margin } = snapshot;
  return {
    schemaVersion: 1,
    kind: 'case-opened',
    caseId: stored.state.caseId,
    account: stored.state.account,
    openedAt: stored.openedAt,
    trigger: {
      band: margin.health.band === 'bankrupt' ? 'bankrupt' : 'liquidatable',
      nlvUsd: usdString(margin.nlvUsd),
      marginNlvUsd: usdString(margin.marginNlvUsd),
      mmUsd: usdString(margin.required.mmUsd),
      journalSequence: snapshot.book.sequence,
    },
  };
}

export function caseStep(stored: StoredCase, step: IssuedStep, status: 'issued' | 'booked'): CaseStepV1 {
  return {
    schemaVersion: 1,
    kind: 'step',
    caseId: stored.state.caseId,
    account: stored.state.account,
    step: step.step,
    action: step.action,
    status,
    at: step.at,
    commands: step.commands,
  };
}

export function caseClosed(stored: StoredCase, outcome: CaseOutcomeV1, closedAt: string): CaseClosedV1 {
  const { caseId, account, steps } = stored.state;
  return { schemaVersion: 1, kind: 'case-closed', caseId, account, closedAt, outcome, steps };
}

/** How a case ended, read from the phase it closed from. */
export function outcomeOf(phase: CasePhase): CaseOutcomeV1 {
  switch (phase) {
    case 'insurance':
      return 'insurance-fund';
    case 'adl':
      return 'adl';
    case 'socialized':
      return 'socialized-loss';
    default:
      return 'restored';
  }
}
