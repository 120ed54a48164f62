import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Partitioners } from 'kafkajs';
import { partitionOfKey } from './partitioning';

const kafkajsPartitioner = Partitioners.DefaultPartitioner();

function kafkajsPartitionOf(key: string, partitionCount: number): number {
  const partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [0],
    isr: [0],
  }));
  return kafkajsPartitioner({ topic: 'any', partitionMetadata, message: { key, value: null } });
}

describe('partitionOfKey', () => {
  it('given any key and partition count, then it picks the partition kafkajs picks (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        (key, count) => assert.equal(partitionOfKey(key, count), kafkajsPartitionOf(key, count)),
      ),
      { numRuns: 2000 },
    );
  });

  it('given Kafka keys of every length mod 4, then it agrees with kafkajs on 6 partitions', () => {
    for (const key of ['', 'a', 'ab', 'abc', 'abcd', 'bench-00042', 'CCP-5', 'acct-\u00e9\u{1F600}'])
      assert.equal(partitionOfKey(key, 6), kafkajsPartitionOf(key, 6), key);
  });
});
