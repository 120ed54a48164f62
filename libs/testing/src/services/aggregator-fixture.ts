// Test support (not part of the service): a whole aggregator process on its own topics and schema.
import { systemTopicsFor, topicsFor } from '@clearing/contracts';
import { ensureTopics } from '@clearing/kafka';
import { startWorker, WorkerRun } from '../crash-harness';
import { DatabaseFixture } from '../database-fixture';
import { KafkaFixture } from '../kafka-fixture';
import { awaitAccountsOpen, openAccounts } from '../onboarding';
import { uniqueName } from '../unique';
import { eventually } from '../wait';
import { MIGRATIONS } from '../../../../migrations';
import { fixtureEnv, serviceMain, untilListening } from './service-main';

export const AGGREGATOR_MAIN = serviceMain('position-aggregator');

export class AggregatorFixture {
  readonly namespace = uniqueName('agg');
  readonly topics = topicsFor(this.namespace);
  readonly kafka = new KafkaFixture();
  readonly database = new DatabaseFixture(MIGRATIONS);
  /** Every process started, so a test running the loops as several processes stops them all. */
  private readonly runs: WorkerRun[] = [];
  private onboarded: readonly string[] = [];

  constructor(private readonly env: Record<string, string> = {}) {}

  /** Topics and schema; `accounts` are onboarded by OpenAccount commands the service books on start. */
  async open(accounts: readonly string[]): Promise<void> {
    await ensureTopics(await this.kafka.adminClient(), systemTopicsFor(this.topics));
    await this.database.open();
    await openAccounts({ kafka: this.kafka.kafka, topic: this.topics.ledgerCommands }, accounts);
    this.onboarded = accounts;
  }

  /**
   * Starts the compiled service; resolves once it listens and the onboarded accounts are open (within
   * `openTimeoutMs`: a benchmark's 10,000 openings on a loaded box can take longer than the default).
   */
  async start(extraEnv: Record<string, string> = {}, openTimeoutMs?: number): Promise<WorkerRun> {
    const run = startWorker(AGGREGATOR_MAIN, {
      ...fixtureEnv(this.namespace, this.database.schema),
      ...this.env,
      ...extraEnv,
    });
    this.runs.push(run);
    await untilListening(run);
    await awaitAccountsOpen(this.database.dataSource, this.onboarded, openTimeoutMs);
    return run;
  }

  async stop(): Promise<void> {
    const alive = this.runs.filter((run) => run.child.exitCode === null && run.child.signalCode === null);
    for (const run of alive) run.child.kill('SIGTERM');
    await Promise.all(alive.map((run) => run.exited));
  }

  async close(): Promise<void> {
    await this.stop();
    const admin = await this.kafka.adminClient();
    const ours = (await admin.listTopics()).filter((t) => t.startsWith(`${this.namespace}.`));
    await admin.deleteTopics({ topics: ours }).catch(() => undefined);
    await this.kafka.close();
    await this.database.close();
  }

  /** Until the projection has written `symbol` into `instruments` (a RegisterInstrument booked). */
  async awaitInstrument(symbol: string, timeoutMs = 30_000): Promise<void> {
    await eventually(async () => {
      const rows = await this.query('SELECT 1 FROM instruments WHERE symbol = $1', [symbol]);
      return rows.length > 0 ? true : undefined;
    }, timeoutMs);
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.database.dataSource.query(sql, params);
  }
}
