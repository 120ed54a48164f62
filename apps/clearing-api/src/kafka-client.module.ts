import { Global, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { CLEARING_CONFIG } from '@clearing/config';
import { kafkaFromConfig } from '@clearing/kafka';

/** One kafkajs client for the API: the command publisher and the stream's feeds share its brokers. */
@Global()
@Module({
  providers: [{ provide: Kafka, inject: [CLEARING_CONFIG], useFactory: kafkaFromConfig }],
  exports: [Kafka],
})
export class KafkaClientModule {}
