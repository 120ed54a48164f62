// Test support: the five services as processes on one fixture's topics and schema (the deleveraging e2e
// fixtures), each on a free port, and where each listens, keyed by its prometheus.yml job name.
import { DeleveragingFixture, serviceMain, WorkerRun } from '@clearing/testing';

/** Netting cycles close after 4 events instead of 1,000, so a CI-sized scenario closes some. */
const AGGREGATOR_ENV = { NETTING_CYCLE_EVENTS: '4' };

export class ObservedSystem extends DeleveragingFixture {
  readonly portOf: Record<string, number> = {};

  constructor() {
    super(AGGREGATOR_ENV);
  }

  /** Aggregator, oracle, margin calculator, deleveraging engine and clearing API; resolves when all listen. */
  async startFive(): Promise<void> {
    this.record('position-aggregator', await this.start());
    this.record('valuation-oracle', await this.startOracle());
    this.record('margin-calculator', await this.startService(serviceMain('margin-calculator'), {}));
    this.record('deleveraging-engine', await this.startEngine());
    this.record('clearing-api', await this.startService(serviceMain('clearing-api'), {}));
  }

  private record(job: string, run: WorkerRun): void {
    this.portOf[job] = Number(/listening on http:\/\/[^:]+:(\d+)/.exec(run.output())![1]);
  }
}
