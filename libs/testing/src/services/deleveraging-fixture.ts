// Test support (not part of the service): aggregator, oracle, margin calculator and the deleveraging
// engine as processes on their own topics and schema, driven as matching engines and price feeds drive them.
import { LiquidationV1, PROJECTION_GROUP } from '@clearing/contracts';
import { JournalEventWire } from '@clearing/ledger';
import { startWorker, WorkerRun } from '../crash-harness';
import { readCommitted } from '../topic-reader';
import { verifyClearing } from '../verify';
import { eventually } from '../wait';
import { MarginFixture } from './margin-fixture';
import { fixtureEnv, serviceMain, untilListening } from './service-main';

export const ENGINE_MAIN = serviceMain('deleveraging-engine');

/** Fast rounds for tests: a 300 ms cooldown instead of 30 s, ticks every 100 ms, summaries every second. */
export const TEST_ENGINE_ENV: Record<string, string> = {
  LIQUIDATION_COOLDOWN_MS: '300',
  LIQUIDATION_MIN_COOLDOWN_MS: '100',
  DELEVERAGING_TICK_MS: '100',
  DELEVERAGING_REISSUE_MS: '1000',
  SOLVENCY_INTERVAL_MS: '1000',
  PARTITION_SUMMARY_INTERVAL_MS: '1000',
};

export class DeleveragingFixture extends MarginFixture {
  engine?: WorkerRun;

  /** Starts the engine process; resolves once it listens. */
  async startEngine(env: Record<string, string> = {}): Promise<WorkerRun> {
    const run = startWorker(ENGINE_MAIN, {
      ...fixtureEnv(this.namespace, this.database.schema),
      ...TEST_ENGINE_ENV,
      ...env,
    });
    this.engine = run;
    await untilListening(run);
    return run;
  }

  async liquidations(): Promise<LiquidationV1[]> {
    const records = await readCommitted(this.kafka.kafka, this.topics.liquidations);
    return records.map((r) => JSON.parse(r.value!.toString()) as LiquidationV1);
  }

  /** Waits for the case-closed message of `account`'s first case. */
  awaitClosed(account: string, timeoutMs = 60_000): Promise<Extract<LiquidationV1, { kind: 'case-closed' }>> {
    return eventually(
      async () =>
        (await this.liquidations()).find(
          (m): m is Extract<LiquidationV1, { kind: 'case-closed' }> =>
            m.kind === 'case-closed' && m.account === account,
        ),
      timeoutMs,
      300,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: no case-closed for ${account}\n${this.engineLog()}`);
    });
  }

  /** The engine's log lines that explain a stall: errors, warnings and its case decisions. */
  /** `clearing verify` over this system's journal and projection, once the projection has caught up. */
  async verifies(timeoutMs = 30_000): Promise<boolean> {
    const report = await eventually(async () => {
      const result = await verifyClearing({
        kafka: this.kafka.kafka,
        topic: this.topics.ledgerJournal,
        dataSource: this.database.dataSource,
        consumerGroup: PROJECTION_GROUP,
      });
      return result.ok ? result : undefined;
    }, timeoutMs);
    return report.ok;
  }

  engineLog(): string {
    const lines = (this.engine?.output() ?? '').split('\n');
    return lines
      .filter((l) => /"level":(40|50)|error|case|step/i.test(l))
      .slice(-30)
      .join('\n');
  }

  async journal(): Promise<JournalEventWire[]> {
    const records = await readCommitted(this.kafka.kafka, this.topics.ledgerJournal);
    return records.map((r) => JSON.parse(r.value!.toString()) as JournalEventWire);
  }

  override async stop(): Promise<void> {
    const run = this.engine;
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
    await super.stop();
  }
}
