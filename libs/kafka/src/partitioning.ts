import { Partitioners } from 'kafkajs';

const defaultPartitioner = Partitioners.DefaultPartitioner();

/**
 * The partition kafkajs' default (Java-compatible murmur2) partitioner gives a key: the single writer
 * uses it to check a command really belongs to the partition it arrived on, since an account booked by
 * two partitions' writers would have two sequence counters.
 */
export function partitionOfKey(key: string, partitionCount: number): number {
  const partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [0],
    isr: [0],
  }));
  return defaultPartitioner({ topic: 'any', partitionMetadata, message: { key, value: null } });
}
