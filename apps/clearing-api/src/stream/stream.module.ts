import { Module } from '@nestjs/common';
import { AccountStreams } from './account-streams';
import { StreamController } from './stream.controller';
import { SystemStreamController } from './system-stream.controller';

/** The live streams (SSE): per account, and system-wide for the risk page. */
@Module({ controllers: [StreamController, SystemStreamController], providers: [AccountStreams] })
export class StreamModule {}
