import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { OraclePriceV1, TOPICS } from '@clearing/contracts';
import { BatchHandler, DecodedBatch, OutboundMessage } from '@clearing/kafka';
import { OracleEngine } from './oracle-engine';
import { OracleMetrics } from './oracle-metrics';
import { ORACLE_TRANSPORT } from './oracle.transports';

/**
 * Schema-valid oracle observations in, marks out (indexes, redemption rates, instrument marks with risk
 * arrays, expiry settlements), published in the Kafka transaction that commits the consumed offsets.
 * Stale, non-finite or out-of-order observations are counted, not dead-lettered: they are well-formed
 * facts about a source, just not usable now.
 */
@BatchHandler()
export class PricesHandler {
  private readonly logger = new Logger(PricesHandler.name);

  constructor(
    private readonly engine: OracleEngine,
    private readonly metrics: OracleMetrics,
  ) {}

  @EventPattern(TOPICS.oraclePrices, ORACLE_TRANSPORT.prices)
  async onPrices(@Payload() batch: DecodedBatch<OraclePriceV1>): Promise<OutboundMessage[]> {
    const result = this.engine.apply(batch.partition, batch.messages);
    this.metrics.folded(batch.messages.length, result.rejections);
    for (const [underlying, valid] of result.indexValid) this.metrics.indexStatus(underlying, valid);
    this.metrics.published(result.marks);
    if (result.rejections.length > 0) {
      this.logger.warn({
        partition: batch.partition,
        rejected: result.rejections.length,
        first: result.rejections[0],
      });
    }
    return result.outputs;
  }
}
