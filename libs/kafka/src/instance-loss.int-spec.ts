import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  eventually,
  KafkaFixture,
  publishRaw,
  readCommitted,
  sampleMessages,
  startWorker,
  uniqueName,
  WorkerRun,
} from '@clearing/testing';
import { DEFAULT_SESSION_TIMEOUT_MS } from './batch-consumer';

const WORKERS = path.resolve(__dirname, '../../testing/src/workers');
/**
 * The stated recovery time (docs/ARCHITECTURE.md): a dead member is noticed after the 10 s session
 * timeout, then the survivor rejoins within a heartbeat or two. kafkajs' 30 s default took 26-36 s.
 */
const RECOVERY_TARGET_MS = 20_000;

/** Waits until `count` outputs exist, none of them twice. */
async function outputsReach(kafka: KafkaFixture, topic: string, count: number): Promise<void> {
  const ids = await eventually(
    async () => {
      const values = (await readCommitted(kafka.kafka, topic)).map((r) => JSON.parse(String(r.value)).id);
      return values.length >= count ? values : undefined;
    },
    120_000,
    500,
  );
  assert.equal(new Set(ids).size, ids.length, 'an input came out twice');
  assert.equal(ids.length, count);
}

/** The partitions are split between the two workers only once the group is stable with both in it. */
async function bothMembersStable(kafka: KafkaFixture, groupId: string): Promise<void> {
  const admin = kafka.kafka.admin();
  await admin.connect();
  try {
    await eventually(async () => {
      const [group] = (await admin.describeGroups([groupId])).groups;
      return group.state === 'Stable' && group.members.length === 2 ? true : undefined;
    }, 60_000);
  } finally {
    await admin.disconnect();
  }
}

describe('losing an instance: the survivor takes its partitions over (issue 10, finding 5)', () => {
  const kafka = new KafkaFixture();
  const workers: WorkerRun[] = [];
  after(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await kafka.close();
  });

  it('given two members with the production session timeout, when one is SIGKILLed, then every partition flows again within a few session timeouts, exactly once', async () => {
    const [input, output] = await kafka.topics(
      { name: 'loss-in', partitions: 6, withDeadLetterTopic: true },
      { name: 'loss-out', partitions: 6 },
    );
    const env = {
      WORKER_TOPIC: input,
      WORKER_OUTPUT_TOPIC: output,
      WORKER_GROUP: uniqueName('g'),
      WORKER_SESSION_TIMEOUT_MS: String(DEFAULT_SESSION_TIMEOUT_MS),
    };
    const script = path.join(WORKERS, 'sample-transform-worker.js');
    workers.push(startWorker(script, env), startWorker(script, env));
    await bothMembersStable(kafka, env.WORKER_GROUP);
    await publishRaw(kafka.kafka, input, sampleMessages(120, 'before'));
    await outputsReach(kafka, output, 120);

    const killedAtMs = Date.now();
    workers[0].child.kill('SIGKILL');
    await publishRaw(kafka.kafka, input, sampleMessages(120, 'after'));
    await outputsReach(kafka, output, 240);
    const recoveryMs = Date.now() - killedAtMs;
    process.stdout.write(`# every partition flowing again ${recoveryMs} ms after the SIGKILL\n`);
    assert.ok(recoveryMs < RECOVERY_TARGET_MS, `took over only after ${recoveryMs} ms`);
  });
});
