// Test support: two instances of the aggregator, the margin calculator and the deleveraging engine (and one
// oracle) on the fixture's own topics and schema, who owns which partitions, and killing one of each.
import { AssignerProtocol } from 'kafkajs';
import {
  DeleveragingFixture,
  eventually,
  serviceMain,
  startWorker,
  TEST_ENGINE_ENV,
  WorkerRun,
} from '@clearing/testing';

/** The consumer group of each scaled service whose partitions say which accounts an instance holds. */
const OWNING_GROUPS = [
  { service: 'position-aggregator', group: 'position-aggregator.writer', input: 'ledgerCommands' },
  { service: 'margin-calculator', group: 'margin-calculator.journal', input: 'ledgerJournal' },
  { service: 'deleveraging-engine', group: 'deleveraging-engine.journal', input: 'ledgerJournal' },
] as const;

export type ScaledService = (typeof OWNING_GROUPS)[number]['service'];

/** Instance `a` or `b` of a service: its Kafka client id and instance id, so group members are told apart. */
const identity = (service: string, instance: 'a' | 'b') => ({
  INSTANCE_ID: `${service}-${instance}`,
  KAFKA_CLIENT_ID: `${service}-${instance}`,
});

export class ScaleCluster {
  readonly system = new DeleveragingFixture(identity('position-aggregator', 'a'));
  private readonly second = new Map<ScaledService, WorkerRun>();

  async start(accounts: readonly string[]): Promise<void> {
    await this.system.open(accounts);
    await this.system.startAll(identity('margin-calculator', 'a'));
    await this.system.startEngine(identity('deleveraging-engine', 'a'));
    await Promise.all(OWNING_GROUPS.map(({ service }) => this.startSecond(service)));
  }

  /** Per instance (`<service>-a|b`), the partitions it owns now in the service's group. */
  async ownership(service: ScaledService): Promise<Map<string, number[]>> {
    const { group, input } = OWNING_GROUPS.find((g) => g.service === service)!;
    const admin = await this.system.kafka.adminClient();
    const { groups } = await admin.describeGroups([`${this.system.namespace}.${group}`]);
    const owners = new Map<string, number[]>();
    if (groups[0]?.state !== 'Stable') return owners;
    for (const member of groups[0].members) {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      const partitions = decoded?.assignment[this.system.topics[input]] ?? [];
      if (partitions.length > 0)
        owners.set(
          member.clientId,
          [...partitions].sort((x, y) => x - y),
        );
    }
    return owners;
  }

  /** Resolves once every scaled service's partitions are split between exactly these instances. */
  async awaitOwners(instances: readonly ('a' | 'b')[], timeoutMs: number): Promise<void> {
    for (const { service } of OWNING_GROUPS)
      await eventually(
        async () => {
          const owners = await this.ownership(service);
          const expected = instances.map((i) => `${service}-${i}`).sort();
          return JSON.stringify([...owners.keys()].sort()) === JSON.stringify(expected) ? true : undefined;
        },
        timeoutMs,
        500,
      ).catch((error: Error) => {
        throw new Error(`${service}: partitions not owned by ${instances.join(', ')}: ${error.message}`);
      });
  }

  /** SIGKILL: no shutdown hook runs, no group is left cleanly; the survivors notice by session timeout. */
  async killSecond(): Promise<void> {
    for (const run of this.second.values()) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
  }

  async close(): Promise<void> {
    for (const run of this.second.values())
      if (run.child.exitCode === null && run.child.signalCode === null) {
        run.child.kill('SIGTERM');
        await run.exited;
      }
    await this.system.close();
  }

  private async startSecond(service: ScaledService): Promise<void> {
    const run = startWorker(serviceMain(service), {
      CLEARING_TOPIC_NAMESPACE: this.system.namespace,
      DATABASE_SCHEMA: this.system.database.schema,
      HTTP_PORT: '0',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'info',
      ...(service === 'deleveraging-engine' ? TEST_ENGINE_ENV : {}),
      ...identity(service, 'b'),
    });
    this.second.set(service, run);
    await eventually(async () => (run.output().includes('listening on') ? true : undefined), 60_000);
  }
}
