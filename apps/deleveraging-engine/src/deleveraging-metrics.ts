import { Counter, Gauge } from 'prom-client';
import { StepActionV1 } from '@clearing/contracts';
import { ClearingMetrics, DELEVERAGING_METRICS } from '@clearing/observability';

/** The engine's own metrics, in the service's registry next to the loop's. No account ids as labels. */
export class DeleveragingMetrics {
  private readonly casesOpen: Gauge;
  private readonly steps: Counter<'action' | 'status'>;
  private readonly stepsRefused: Counter;
  private readonly casesClosed: Counter<'outcome'>;
  private readonly fundUsd: Gauge;
  private readonly coverTwoRatio: Gauge;
  private readonly backstopShortfallUsd: Gauge;

  constructor(metrics: ClearingMetrics) {
    const registers = [metrics.registry];
    this.casesOpen = new Gauge({
      name: 'clearing_deleveraging_cases_open',
      help: 'Liquidation cases open on this instance.',
      registers,
    });
    this.steps = new Counter({
      name: 'clearing_deleveraging_steps_total',
      help: 'Case steps, by action (liquidation, insurance-draw, adl, socialized-loss) and status (issued, booked).',
      labelNames: ['action', 'status'],
      registers,
    });
    this.stepsRefused = new Counter({
      name: 'clearing_deleveraging_step_commands_refused_total',
      help: 'Step commands the ledger refused (journaled as CommandRejected): each needs an operator.',
      registers,
    });
    this.casesClosed = new Counter({
      name: 'clearing_deleveraging_cases_closed_total',
      help: 'Cases closed, by outcome.',
      labelNames: ['outcome'],
      registers,
    });
    this.fundUsd = new Gauge({
      name: 'clearing_deleveraging_insurance_fund_usd',
      help: 'Insurance fund balance of the owned shards, USD.',
      registers,
    });
    this.coverTwoRatio = new Gauge({
      name: 'clearing_deleveraging_cover_two_ratio',
      help: 'Cover 2: (insurance fund + CCP excess collateral) / stress losses of the two largest accounts (+Inf when none).',
      registers,
    });
    this.backstopShortfallUsd = new Gauge({ ...DELEVERAGING_METRICS.backstopMarginShortfall, registers });
  }

  open(cases: number): void {
    this.casesOpen.set(cases);
  }

  step(action: StepActionV1, status: 'issued' | 'booked'): void {
    this.steps.inc({ action, status });
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
