import { Module } from '@nestjs/common';
import { AccountStreams } from './account-streams';
import { StreamController } from './stream.controller';

/** The live account stream (SSE) fed from margin.v1 and liquidations.v1. */
@Module({ controllers: [StreamController], providers: [AccountStreams] })
export class StreamModule {}
