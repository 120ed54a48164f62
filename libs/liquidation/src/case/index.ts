export { decideCase } from './case-decide';
export type { CaseInput } from './case-decide';
export { openCase } from './case-types';
export type {
  CaseCommand,
  CaseDecision,
  CasePhase,
  CaseStep,
  LiquidationCase,
  SocializeLoss,
} from './case-types';
export { decideCover, decideDeleverage } from './case-waterfall';
export type { AdlInput, CoverInput } from './case-waterfall';
export { issueStep, stepCommandId } from './step-ids';
export { withTakeover } from './takeover';
