import { InstrumentFundingCommandV1, InstrumentMarkV1, MarkV1, TOPICS } from '@clearing/contracts';
import { OutboundMessage } from '@clearing/kafka';
import { deterministicId, formatAmount, rescale, scaledDecimal, signCommand, SystemAccount } from '@clearing/ledger';

const HOUR_MS = 3_600_000;

export interface FundingBridgeOptions {
  readonly partitionCount: number;
  readonly signingKey: string;
  /** Decimal places of the settlement asset: the mark is rounded to them, half-even, before it is a price. */
  readonly settlementScale: number;
}

/**
 * The oracle's perpetual marks (marks.v1) in; one InstrumentFunding command per journal shard out at each
 * funding time, i.e. every `periodHours` from the Unix epoch (00:00, 08:00, 16:00 UTC for 8 hours, as
 * BitMEX), at the rate and mark of the first valid, unpaused mark of the instrument dated at or after it.
 * Ids derive from (instrument, funding time, shard), and the writer derives each holder's from that: a
 * restart that issues a period again, or a re-delivered mark, settles nobody twice.
 */
export class FundingBridge {
  /** Instrument -> latest funding time issued by this process (only to not repeat it on every mark). */
  private readonly issuedMs = new Map<string, number>();

  constructor(private readonly options: FundingBridgeOptions) {}

  commandsFor(mark: MarkV1): OutboundMessage[] {
    if (!isFundable(mark)) return [];
    const periodMs = mark.funding.periodHours * HOUR_MS;
    const fundingTimeMs = Math.floor(Date.parse(mark.asOf) / periodMs) * periodMs;
    if ((this.issuedMs.get(mark.instrument) ?? -Infinity) >= fundingTimeMs) return [];
    this.issuedMs.set(mark.instrument, fundingTimeMs);
    const fundingTime = new Date(fundingTimeMs).toISOString();
    return Array.from({ length: this.options.partitionCount }, (_, shard) =>
      this.commandFor(shard, mark, fundingTime),
    );
  }

  private commandFor(shard: number, mark: FundableMark, fundingTime: string): OutboundMessage {
    const command: InstrumentFundingCommandV1 = {
      schemaVersion: 1,
      type: 'InstrumentFunding',
      commandId: deterministicId('instrument-funding', mark.instrument, fundingTime, String(shard)),
      account: SystemAccount.ccp(shard),
      issuedAt: fundingTime,
      shard,
      instrument: mark.instrument,
      fundingRate: mark.funding.ratePerPeriod,
      markPrice: this.settlementPrice(mark.markPrice),
      fundingTime,
    };
    return {
      topic: TOPICS.ledgerCommands,
      key: command.account,
      partition: shard,
      value: JSON.stringify(signCommand(command, 'position-aggregator', this.options.signingKey)),
    };
  }

  private settlementPrice(markPrice: string): string {
    const { minor, scale } = scaledDecimal(markPrice);
    const { settlementScale } = this.options;
    return formatAmount(rescale(minor, scale, settlementScale, 'half-even'), settlementScale);
  }
}

type FundableMark = InstrumentMarkV1 & {
  readonly markPrice: string;
  readonly funding: NonNullable<InstrumentMarkV1['funding']>;
};

/** A valid perpetual mark with a price and a funding rate that is not paused (an invalid index pauses it). */
function isFundable(mark: MarkV1): mark is FundableMark {
  return (
    mark.kind === 'instrument' &&
    mark.instrumentKind === 'perpetual' &&
    mark.status === 'valid' &&
    mark.markPrice !== undefined &&
    mark.funding !== undefined &&
    !mark.funding.paused
  );
}
