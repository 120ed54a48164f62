import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { InstrumentExpiryCommandV1, MarkV1, TOPICS } from '@clearing/contracts';
import { BatchHandler, DecodedBatch, OutboundMessage } from '@clearing/kafka';
import { deterministicId, JournalCodec, signCommand, SystemAccount } from '@clearing/ledger';
import { AGGREGATOR_SETTINGS, AGGREGATOR_TRANSPORT, AggregatorSettings } from '../aggregator.settings';
import { FundingBridge } from '../funding/funding-bridge';

/**
 * The oracle's expiry settlement prices (marks.v1, kind expiry-settlement) in; one InstrumentExpiry
 * command per journal shard out, so each shard's single writer settles its own holders. Ids derive from
 * (instrument, expiry, shard): a settlement price republished by the oracle changes nothing. The same
 * loop turns perpetual marks into funding periods (FundingBridge).
 */
@BatchHandler()
export class ExpiryBridgeHandler {
  private readonly funding: FundingBridge;

  constructor(
    @Inject(AGGREGATOR_SETTINGS) private readonly settings: AggregatorSettings,
    codec: JournalCodec,
  ) {
    this.funding = new FundingBridge({
      partitionCount: settings.partitionCount,
      signingKey: settings.signingKeys['position-aggregator'],
      settlementScale: codec.scaleOf('USDC'),
    });
  }

  @EventPattern(TOPICS.marks, AGGREGATOR_TRANSPORT.expiry)
  async onMarks(@Payload() batch: DecodedBatch<MarkV1>): Promise<OutboundMessage[]> {
    return batch.messages.flatMap(({ value: mark }) => {
      if (mark.kind !== 'expiry-settlement') return this.funding.commandsFor(mark);
      if (mark.settlementPrice === undefined) return [];
      return Array.from({ length: this.settings.partitionCount }, (_, shard) =>
        this.commandFor(shard, mark.instrument, mark.settlementPrice!, mark.expiry),
      );
    });
  }

  private commandFor(
    shard: number,
    instrument: string,
    settlementPrice: string,
    expiry: string,
  ): OutboundMessage {
    const command: InstrumentExpiryCommandV1 = {
      schemaVersion: 1,
      type: 'InstrumentExpiry',
      commandId: deterministicId('instrument-expiry', instrument, expiry, String(shard)),
      account: SystemAccount.ccp(shard),
      issuedAt: expiry,
      shard,
      instrument,
      settlementPrice,
      expiry,
    };
    return {
      topic: TOPICS.ledgerCommands,
      key: command.account,
      partition: shard,
      value: JSON.stringify(
        signCommand(command, 'position-aggregator', this.settings.signingKeys['position-aggregator']),
      ),
    };
  }
}
