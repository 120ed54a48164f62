import { Kafka, Message, Producer } from 'kafkajs';

/**
 * An upstream system's producer that keeps trying: a send that failed (broker down, restarting, not the
 * leader yet) is sent again, whole, with a fresh producer, until the broker acknowledges it. A failed send
 * may still have been written, so a retry can publish the same message twice: exactly what an upstream
 * does in production, and what the ids of fills and commands are there to absorb.
 */
export class ResilientPublisher {
  private producer?: Producer;
  /** Sends that failed and were repeated: each may have left a duplicate on the topic. */
  retries = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly retryPauseMs = 1_000,
  ) {}

  /** Resolves once the broker acknowledged `messages` (acks=all); rejects only after `giveUpAfterMs`. */
  async publish(topic: string, messages: Message[], giveUpAfterMs = 300_000): Promise<void> {
    const deadline = Date.now() + giveUpAfterMs;
    for (;;) {
      try {
        const producer = await this.connected();
        await producer.send({ topic, acks: -1, messages });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.retries += 1;
        await this.reset();
        await new Promise((resolve) => setTimeout(resolve, this.retryPauseMs));
      }
    }
  }

  async close(): Promise<void> {
    await this.reset();
  }

  private async connected(): Promise<Producer> {
    if (this.producer === undefined) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      this.producer = producer;
      await producer.connect();
    }
    return this.producer;
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}
