import { KafkaMessage } from 'kafkajs';

/**
 * When the intake sent each side of a fill as a FillLeg command (the record's CreateTime, set at send
 * inside the intake's transaction), by `<fillId>:<side>`: splits the aggregator's share of a fill's
 * latency into its two hops, intake (fill -> leg command) and writer (leg command -> journal record).
 */
export class LegCommands {
  private readonly sentAtMs = new Map<string, number>();

  readonly onRecord = (message: KafkaMessage): void => {
    const command = JSON.parse(message.value!.toString()) as { type: string; fillId?: string; side?: string };
    if (command.type !== 'FillLeg') return;
    this.sentAtMs.set(`${command.fillId}:${command.side}`, Number(message.timestamp));
  };

  sentAt(fillId: string, side: 'buy' | 'sell'): number | undefined {
    return this.sentAtMs.get(`${fillId}:${side}`);
  }
}
