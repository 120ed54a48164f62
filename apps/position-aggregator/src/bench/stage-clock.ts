import { KafkaMessage } from 'kafkajs';

/** CPU time (user + system, µs, from process.cpuUsage) spent inside each named stage, summed over calls. */
export class StageClock {
  private readonly cpuUs = new Map<string, number>();

  time<T>(stage: string, work: () => T): T {
    const before = process.cpuUsage();
    try {
      return work();
    } finally {
      this.add(stage, before);
    }
  }

  async timeAsync<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const before = process.cpuUsage();
    try {
      return await work();
    } finally {
      this.add(stage, before);
    }
  }

  us(stage: string): number {
    return this.cpuUs.get(stage) ?? 0;
  }

  totalUs(): number {
    return [...this.cpuUs.values()].reduce((sum, us) => sum + us, 0);
  }

  private add(stage: string, before: NodeJS.CpuUsage): void {
    const spent = process.cpuUsage(before);
    this.cpuUs.set(stage, this.us(stage) + spent.user + spent.system);
  }
}

/** Values as kafkajs hands them to a batch handler (offsets from 0), for in-process benchmarks. */
export function recordsOf(values: readonly Buffer[]): KafkaMessage[] {
  return values.map((value, i) => ({
    key: null,
    value,
    offset: String(i),
    timestamp: '0',
    attributes: 0,
    headers: {},
  })) as KafkaMessage[];
}

export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
