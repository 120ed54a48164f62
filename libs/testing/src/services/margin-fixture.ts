// Test support (not part of the service): aggregator, oracle and margin calculator as three processes on
// the aggregator fixture's topics and schema, driven as upstream engines and price feeds drive them.
import { DEV_SERVICE_CREDENTIAL, SERVICE_CREDENTIAL_HEADER } from '@clearing/config';
import { MarginV1 } from '@clearing/contracts';
import { startWorker, WorkerRun } from '../crash-harness';
import { indexQuoteMessages } from '../messages-of-engine';
import { readCommitted } from '../topic-reader';
import { eventually } from '../wait';
import { AggregatorFixture } from './aggregator-fixture';
import { fixtureEnv, serviceMain, untilListening } from './service-main';

const MAINS = {
  oracle: serviceMain('valuation-oracle'),
  margin: serviceMain('margin-calculator'),
};

export class MarginFixture extends AggregatorFixture {
  private readonly workers: WorkerRun[] = [];
  marginUrl = '';

  async startAll(marginEnv: Record<string, string> = {}): Promise<void> {
    await this.start();
    await this.startValuation(marginEnv);
  }

  /** The oracle and the margin calculator, for an aggregator started otherwise (a bench's process layout). */
  async startValuation(
    marginEnv: Record<string, string> = {},
    oracleEnv: Record<string, string> = {},
  ): Promise<void> {
    await this.startOracle(oracleEnv);
    this.marginUrl = await untilListening(await this.startService(MAINS.margin, marginEnv));
  }

  /** Starts the valuation oracle process alone (on this fixture's topics); resolves once it listens. */
  startOracle(env: Record<string, string> = {}): Promise<WorkerRun> {
    return this.startService(MAINS.oracle, env);
  }

  /** Every margin.v1 message of `account`, oldest first. */
  async marginOf(account: string): Promise<MarginV1[]> {
    const records = await readCommitted(this.kafka.kafka, this.topics.margin);
    return records
      .filter((r) => r.key?.toString() === account)
      .map((r) => JSON.parse(r.value!.toString()) as MarginV1);
  }

  /** Waits for a margin.v1 message of `account` that satisfies `wanted`. */
  awaitMargin<T extends MarginV1>(
    account: string,
    wanted: (m: MarginV1) => m is T,
    timeoutMs = 60_000,
  ): Promise<T> {
    return eventually(async () => (await this.marginOf(account)).reverse().find(wanted), timeoutMs, 500);
  }

  /** As the clearing API calls it: with the service credential the calculator runs with (the dev default). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  async post(pathname: string, body: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(this.marginUrl + pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SERVICE_CREDENTIAL_HEADER]: DEV_SERVICE_CREDENTIAL },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  override async stop(): Promise<void> {
    for (const run of this.workers.splice(0)) {
      if (run.child.exitCode !== null || run.child.signalCode !== null) continue;
      run.child.kill('SIGTERM');
      await run.exited;
    }
    await super.stop();
  }

  protected async startService(main: string, env: Record<string, string>): Promise<WorkerRun> {
    const run = startWorker(main, {
      ...fixtureEnv(this.namespace, this.database.schema),
      ...env,
    });
    this.workers.push(run);
    await untilListening(run);
    return run;
  }
}

/** Index quotes of BTC from three feeds, as price feeds publish them. */
export function btcQuotes(priceUsd: string, eventTime: string): { key: string; value: string }[] {
  return indexQuoteMessages('BTC', eventTime, { coinbase: priceUsd, kraken: priceUsd, bitstamp: priceUsd });
}
