import { Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { CLEARING_CONFIG } from '@clearing/config';
import { kafkaFromConfig } from '@clearing/kafka';
import { AccountStreams } from './account-streams';
import { StreamController } from './stream.controller';

/** The live account stream (SSE) fed from margin.v1 and liquidations.v1. */
@Module({
  controllers: [StreamController],
  providers: [{ provide: Kafka, inject: [CLEARING_CONFIG], useFactory: kafkaFromConfig }, AccountStreams],
  exports: [Kafka],
})
export class StreamModule {}
