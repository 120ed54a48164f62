// Java's (and kafkajs') murmur2: the 32-bit hash kafkajs computes with its 64-bit Long emulation, in plain
// 32-bit integer math. The Long version allocated a dozen objects per byte group and was 5 % of the
// writer's CPU (issue 15); partitioning.spec.ts checks the two agree on any key.
const SEED = 0x9747b28c;
const M = 0x5bd1e995;

export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length & 3;
  if (rest === 3) h ^= data[whole + 2] << 16;
  if (rest >= 2) h ^= data[whole + 1] << 8;
  if (rest >= 1) h = Math.imul(h ^ data[whole], M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * The partition kafkajs' default (Java-compatible murmur2) partitioner gives a key: the single writer
 * uses it to check a command really belongs to the partition it arrived on, since an account booked by
 * two partitions' writers would have two sequence counters.
 */
export function partitionOfKey(key: string, partitionCount: number): number {
  return (murmur2(Buffer.from(key)) & 0x7fffffff) % partitionCount;
}
