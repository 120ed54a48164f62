// Test support (not part of the service): the whole system as processes (aggregator, oracle, two margin
// calculators, deleveraging engine, the API) on its own topic namespace and schema, driven over HTTP.
import { ApiKeyStore, Role } from '@clearing/access';
import { systemTopicsFor, topicsFor } from '@clearing/contracts';
import { ensureTopics } from '@clearing/kafka';
import { startWorker, WorkerRun } from '../crash-harness';
import { DatabaseFixture } from '../database-fixture';
import { KafkaFixture } from '../kafka-fixture';
import { uniqueName } from '../unique';
import { eventually } from '../wait';
import { MIGRATIONS } from '../../../../migrations';
import { fixtureEnv, serviceMain, untilListening } from './service-main';

export interface ApiAnswer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  readonly body: any;
}

export class SystemFixture {
  readonly namespace = uniqueName('api');
  readonly topics = topicsFor(this.namespace);
  readonly kafka = new KafkaFixture();
  readonly database = new DatabaseFixture(MIGRATIONS);
  readonly marginUrls: string[] = [];
  apiUrl = '';
  private readonly workers: WorkerRun[] = [];

  /** Topics, schema and the accounts onboarded (until onboarding goes through the API). */
  async open(accounts: readonly string[]): Promise<void> {
    await ensureTopics(await this.kafka.adminClient(), systemTopicsFor(this.topics));
    const db = await this.database.open();
    await db.query('INSERT INTO accounts (account_id) SELECT unnest($1::text[])', [accounts]);
  }

  /** Every service; `marginInstances` calculators share the journal partitions. */
  async startAll(marginInstances = 2, env: Record<string, string> = {}): Promise<void> {
    await this.startService('position-aggregator', env);
    await this.startService('valuation-oracle', env);
    for (let i = 0; i < marginInstances; i++)
      this.marginUrls.push(
        await this.startService('margin-calculator', { ...env, INSTANCE_ID: `margin-${i}` }),
      );
    await this.startService('deleveraging-engine', env);
    this.apiUrl = await this.startService('clearing-api', env);
  }

  /** Resolves once the calculators advertise every journal partition between them. */
  async routed(partitionCount: number, instances: number): Promise<{ url: string; partitions: number[] }[]> {
    return eventually(async () => {
      const rows = await this.query<{ url: string; partitions: number[] }>(
        'SELECT url, partitions FROM service_instances ORDER BY url',
      );
      const covered = new Set(rows.flatMap((row) => row.partitions));
      const settled = rows.length === instances && rows.every((r) => r.partitions.length > 0);
      return settled && covered.size === partitionCount ? rows : undefined;
    }, 90_000);
  }

  /** A fresh API key, as an admin issues it (`clearing keys create`). */
  async keyFor(role: Role, accountId?: string): Promise<string> {
    const store = new ApiKeyStore(this.database.dataSource);
    const { token } = await store.create({ role, accountId, label: 'e2e', createdBy: 'test' });
    return token;
  }

  /** An HTTP call to the API with `key` as its bearer (none: anonymous). */
  async call(
    key: string | undefined,
    method: string,
    pathname: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const auth: Record<string, string> = key === undefined ? {} : { authorization: `Bearer ${key}` };
    const response = await fetch(this.apiUrl + pathname, {
      method,
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text.length > 0 ? JSON.parse(text) : undefined };
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.database.dataSource.query(sql, params);
  }

  async close(): Promise<void> {
    for (const run of this.workers.splice(0).reverse()) {
      if (run.child.exitCode !== null || run.child.signalCode !== null) continue;
      run.child.kill('SIGTERM');
      await run.exited;
    }
    const admin = await this.kafka.adminClient();
    const ours = (await admin.listTopics()).filter((t) => t.startsWith(`${this.namespace}.`));
    await admin.deleteTopics({ topics: ours }).catch(() => undefined);
    await this.kafka.close();
    await this.database.close();
  }

  /** Starts one compiled service on a free port; resolves with its URL once it listens. */
  private async startService(service: string, env: Record<string, string>): Promise<string> {
    const run = startWorker(serviceMain(service), {
      ...fixtureEnv(this.namespace, this.database.schema),
      ...env,
    });
    this.workers.push(run);
    return untilListening(run);
  }
}
