import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { eventually, KafkaFixture, publishRaw } from '@clearing/testing';
import { readTopicToEnd, TopicRecord } from './topic-reader';

const keyed = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({ key: `account-${i % 7}`, value: `${prefix}-${i}` }));

async function readAll(fixture: KafkaFixture, topic: string, onBatch?: (r: TopicRecord[]) => Promise<void>) {
  const records: TopicRecord[] = [];
  const progress: [number, number][] = [];
  const result = await readTopicToEnd(
    fixture.kafka,
    topic,
    async (batch) => {
      records.push(...batch);
      await onBatch?.(batch);
    },
    { onProgress: (done, total) => progress.push([done, total]) },
  );
  return { records, progress, result };
}

async function readerGroups(fixture: KafkaFixture): Promise<string[]> {
  const { groups } = await (await fixture.adminClient()).listGroups();
  return groups.map((g) => g.groupId).filter((id) => id.startsWith('topic-reader-'));
}

describe('readTopicToEnd: one consistent cut of a topic, read_committed, with a throwaway group', () => {
  const fixture = new KafkaFixture();
  after(() => fixture.close());

  it('delivers every record once, in offset order per partition, and reports progress up to the total', async () => {
    // Given 300 keyed records on 3 partitions, read right after the topic was created
    const [topic] = await fixture.topics({ name: 'reader', partitions: 3 });
    await publishRaw(fixture.kafka, topic, keyed(300, 'r'));
    const groupsBefore = await readerGroups(fixture);
    let groupsWhileReading: string[] = [];

    // When the topic is read to its end
    const { records, progress, result } = await readAll(fixture, topic, async () => {
      if (groupsWhileReading.length === 0) groupsWhileReading = await readerGroups(fixture);
    });

    // Then all 300 arrive once, ordered within each partition, progress ends at total, and no group is left
    assert.equal(result.records, 300);
    assert.deepEqual(new Set(records.map((r) => r.value!.toString())).size, 300);
    for (const partition of [0, 1, 2]) {
      const offsets = records.filter((r) => r.partition === partition).map((r) => BigInt(r.offset));
      assert.deepEqual(
        offsets,
        [...offsets].sort((a, b) => (a < b ? -1 : 1)),
      );
    }
    assert.deepEqual(progress.at(-1), [300, 300]);
    assert.deepEqual(progress[0], [0, 300]);
    // Its throwaway group was there while reading and is gone: other suites running at the same time read
    // topics too, so only the groups that appeared during this read are checked, allowing theirs to finish.
    const appeared = groupsWhileReading.filter((group) => !groupsBefore.includes(group));
    assert.ok(appeared.length > 0, 'the read used a throwaway group');
    await eventually(async () => {
      const now = await readerGroups(fixture);
      return appeared.every((group) => !now.includes(group)) || undefined;
    }, 15_000);
  });

  it('skips aborted transactions, finishes on a trailing commit marker, and ignores records appended meanwhile', async () => {
    // Given committed, aborted, then committed transactional records on one partition
    const [topic] = await fixture.topics({ name: 'reader-tx', partitions: 1 });
    const producer = fixture.kafka.producer({
      transactionalId: `${topic}-tx`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    for (const [prefix, commit] of [
      ['kept', true],
      ['aborted', false],
      ['tail', true],
    ] as const) {
      const transaction = await producer.transaction();
      await transaction.send({ topic, messages: keyed(5, prefix) });
      await (commit ? transaction.commit() : transaction.abort());
    }
    await producer.disconnect();

    // When it is read, while a record is appended after the read started
    const { records } = await readAll(fixture, topic, async () => {
      await publishRaw(fixture.kafka, topic, [{ key: 'late', value: 'late' }]);
    });

    // Then only the committed records seen at the start are delivered
    const values = records.map((r) => r.value!.toString());
    assert.deepEqual(
      values,
      [...keyed(5, 'kept'), ...keyed(5, 'tail')].map((m) => m.value),
    );
  });

  it('returns at once for an empty topic', async () => {
    const [topic] = await fixture.topics({ name: 'reader-empty', partitions: 2 });
    const { result, progress } = await readAll(fixture, topic);
    assert.equal(result.records, 0);
    assert.deepEqual(progress, [[0, 0]]);
  });
});
