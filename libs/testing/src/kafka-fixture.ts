import { Admin, Kafka, logLevel } from 'kafkajs';
import { kafkaBrokersFromEnv } from '@clearing/config';
import { createKafka, ensureTopics, TopicSpec } from '@clearing/kafka';
import { uniqueName } from './unique';

/** Real broker access for one test: its own topics, created up front and deleted at the end. */
export class KafkaFixture {
  readonly kafka: Kafka;
  private admin?: Admin;
  private readonly created: string[] = [];

  constructor(readonly clientId = uniqueName('test')) {
    this.kafka = createKafka({ clientId, brokers: kafkaBrokersFromEnv(), level: logLevel.ERROR });
  }

  /** Creates uniquely named topics (with `.dlq` twins when asked); returns their names in order. */
  async topics(...specs: (Omit<TopicSpec, 'topic'> & { name: string })[]): Promise<string[]> {
    const named = specs.map(({ name, ...spec }) => ({ ...spec, topic: uniqueName(name) }));
    await ensureTopics(await this.adminClient(), named);
    for (const spec of named) {
      this.created.push(spec.topic);
      if (spec.withDeadLetterTopic) this.created.push(`${spec.topic}.dlq`);
    }
    return named.map((s) => s.topic);
  }

  async adminClient(): Promise<Admin> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin;
  }

  async close(): Promise<void> {
    if (!this.admin) return;
    await this.admin.deleteTopics({ topics: this.created }).catch(() => undefined);
    await this.admin.disconnect();
  }
}
