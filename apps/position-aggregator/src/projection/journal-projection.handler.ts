import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { LedgerJournalV1, TOPICS } from '@clearing/contracts';
import { BatchHandler, DecodedBatch, KafkaBatchContext, ownJournalEvent } from '@clearing/kafka';
import { JournalCodec } from '@clearing/ledger';
import { AggregatorMetrics } from '../aggregator-metrics';
import { AGGREGATOR_TRANSPORT, PROJECTION_GROUP } from '../aggregator.settings';
import { JournalProjector } from '@clearing/persistence';

/** Journal -> Postgres (balances, positions, journal index, fill legs), offsets in the same transaction. */
@BatchHandler()
export class JournalProjectionHandler {
  private readonly projector: JournalProjector;

  constructor(
    private readonly codec: JournalCodec,
    private readonly metrics: AggregatorMetrics,
  ) {
    this.projector = new JournalProjector(PROJECTION_GROUP, codec);
  }

  @EventPattern(TOPICS.ledgerJournal, AGGREGATOR_TRANSPORT.projection)
  async onJournal(
    @Payload() batch: DecodedBatch<LedgerJournalV1>,
    @Ctx() context: KafkaBatchContext,
  ): Promise<void> {
    const located = batch.messages.map((m) => ({
      event: ownJournalEvent(this.codec, m.value, m),
      partition: m.partition,
      offset: m.offset,
    }));
    await this.projector.project(context.db!, located);
    this.metrics.projected(located.map((l) => l.event));
  }
}
