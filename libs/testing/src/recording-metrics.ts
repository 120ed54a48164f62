import { LoopMetrics } from '@clearing/kafka';

/** A LoopMetrics that remembers totals, so tests can check reconciliation (in = accepted + rejected + forwarded). */
export class RecordingMetrics implements LoopMetrics {
  readonly consumedByTopic = new Map<string, number>();
  readonly producedByTopic = new Map<string, number>();
  readonly deadLetteredByCode = new Map<string, number>();
  readonly forwardedByTopic = new Map<string, number>();
  readonly haltedPartitions = new Set<string>();
  isJoined = false;
  crashes = 0;

  consumed(topic: string, count: number): void {
    add(this.consumedByTopic, topic, count);
  }
  produced(topic: string, count: number): void {
    add(this.producedByTopic, topic, count);
  }
  deadLettered(_topic: string, code: string, count: number): void {
    add(this.deadLetteredByCode, code, count);
  }
  forwarded(topic: string, count: number): void {
    add(this.forwardedByTopic, topic, count);
  }
  batchSeconds(): void {}
  lag(): void {}
  joined(isJoined: boolean): void {
    this.isJoined = isJoined;
  }
  crashed(): void {
    this.crashes++;
  }
  halted(topic: string, partition: number, isHalted: boolean, _reason: string): void {
    if (isHalted) this.haltedPartitions.add(`${topic}:${partition}`);
    else this.haltedPartitions.delete(`${topic}:${partition}`);
  }

  total(map: Map<string, number>): number {
    return [...map.values()].reduce((a, b) => a + b, 0);
  }
}

function add(map: Map<string, number>, key: string, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}
