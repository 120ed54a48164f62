import { Counter, Gauge } from 'prom-client';
import { CashCommandV1, StepActionV1, TransferCommandV1 } from '@clearing/contracts';
import { ClearingMetrics, DOMAIN_METRICS } from '@clearing/observability';

/** The engine's own metrics, in the service's registry next to the loop's. No account ids as labels. */
export class DeleveragingMetrics {
  private readonly casesOpen: Gauge;
  private readonly casesOpened: Counter;
  private readonly steps: Counter<'action' | 'status'>;
  private readonly stepsRefused: Counter;
  private readonly socializedUsd: Counter;
  private readonly casesClosed: Counter<'outcome'>;
  private readonly fundUsd: Gauge;
  private readonly coverTwoRatio: Gauge;
  private readonly backstopShortfallUsd: Gauge;

  constructor(metrics: ClearingMetrics) {
    const registers = [metrics.registry];
    this.casesOpen = new Gauge({ ...DOMAIN_METRICS.deleveragingCasesOpen, registers });
    this.casesOpened = new Counter({ ...DOMAIN_METRICS.deleveragingCasesOpened, registers });
    this.steps = new Counter({ ...DOMAIN_METRICS.deleveragingSteps, registers });
    this.stepsRefused = new Counter({ ...DOMAIN_METRICS.deleveragingStepsRefused, registers });
    this.socializedUsd = new Counter({ ...DOMAIN_METRICS.deleveragingSocializedLoss, registers });
    this.casesClosed = new Counter({ ...DOMAIN_METRICS.deleveragingCasesClosed, registers });
    this.fundUsd = new Gauge({ ...DOMAIN_METRICS.deleveragingInsuranceFund, registers });
    this.coverTwoRatio = new Gauge({ ...DOMAIN_METRICS.deleveragingCoverTwo, registers });
    this.backstopShortfallUsd = new Gauge({ ...DOMAIN_METRICS.backstopMarginShortfall, registers });
  }

  open(cases: number): void {
    this.casesOpen.set(cases);
  }

  /** A case was opened (counted once: the stepper opens a case only after storing it). */
  opened(): void {
    this.casesOpened.inc();
  }

  step(action: StepActionV1, status: 'issued' | 'booked'): void {
    this.steps.inc({ action, status });
  }

  /** The loss a booked step socialized (its SocializeLoss amounts; a float: for eyes, not the ledger). */
  socialized(commands: readonly (TransferCommandV1 | CashCommandV1)[]): void {
    for (const c of commands) if (c.type === 'SocializeLoss') this.socializedUsd.inc(Number(c.amount));
  }

  refused(count: number): void {
    if (count > 0) this.stepsRefused.inc(count);
  }

  closed(outcome: string): void {
    this.casesClosed.inc({ outcome });
  }

  solvency(fundUsd: number, ratio: number): void {
    this.fundUsd.set(fundUsd);
    this.coverTwoRatio.set(ratio);
  }

  backstopShortfall(usd: number): void {
    this.backstopShortfallUsd.set(usd);
  }
}
