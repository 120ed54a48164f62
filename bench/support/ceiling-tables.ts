import { JournalCodec, JournalEventWire } from '@clearing/ledger';
import { OutboundMessage, stringHeadersOf, TopicRecord } from '@clearing/kafka';
import { LocatedEvent } from '@clearing/persistence';
import { PipelineRecords } from './pipeline-records';

/** Where the topology ceiling writes: its own commands and journal topics, same partition counts. */
export interface CeilingTopics {
  commands: string;
  journal: string;
}

/**
 * The identity transforms of the topology ceiling, as lookups prepared before its clock starts: each
 * input record maps to the very records the aggregator produced from it in the same run (same count,
 * bytes, keys and partitions), so the ceiling moves what the aggregator moved and decides nothing.
 */
export class CeilingTables {
  private readonly legsOfFill = new Map<string, OutboundMessage[]>();
  private readonly accountOfLeg = new Map<string, string>();
  /** Per account, its FillCleared records in journal order: emitted in that order, whatever the input order. */
  private readonly journalQueues = new Map<string, OutboundMessage[]>();
  /** What each input position was given, so a batch retried after a failed transaction gets the same. */
  private readonly journalGiven = new Map<string, OutboundMessage>();
  private readonly eventOf = new Map<string, LocatedEvent['event']>();
  /** The events before the fills (openings, deposits): applied before the clock, as the aggregator had. */
  readonly prefix: LocatedEvent[] = [];

  constructor(records: PipelineRecords, topics: CeilingTopics, codec = new JournalCodec()) {
    for (const [fillId, fill] of records.fills) {
      const legs = (['buy', 'sell'] as const).map((side) => records.legs.get(`${fillId}:${side}`));
      if (legs.some((leg) => leg === undefined)) throw new Error(`fill ${fillId} has no two leg commands`);
      this.legsOfFill.set(
        fill.value!.toString(),
        legs.map((leg) => outbound(leg!.record, topics.commands)),
      );
      for (const leg of legs) this.accountOfLeg.set(leg!.record.value!.toString(), leg!.account);
    }
    for (const { record, wire, legKey } of records.journal) {
      const event = codec.fromWire(wire as unknown as JournalEventWire);
      if (legKey === undefined) {
        this.prefix.push({ event, partition: record.partition, offset: record.offset });
        continue;
      }
      const queue = this.journalQueues.get(wire.account) ?? [];
      queue.push(outbound(record, topics.journal));
      this.journalQueues.set(wire.account, queue);
      this.eventOf.set(record.value!.toString(), event);
    }
  }

  legsOf(fillValue: string): OutboundMessage[] {
    return this.legsOfFill.get(fillValue)!;
  }

  /** The next journal record of the leg's account, once per input position. */
  journalOf(legValue: string, position: string): OutboundMessage {
    let given = this.journalGiven.get(position);
    if (!given) {
      given = this.journalQueues.get(this.accountOfLeg.get(legValue)!)!.shift()!;
      this.journalGiven.set(position, given);
    }
    return given;
  }

  eventOfRecord(journalValue: string): LocatedEvent['event'] {
    return this.eventOf.get(journalValue)!;
  }
}

function outbound(record: TopicRecord, topic: string): OutboundMessage {
  const { partition, key, value, headers } = record;
  return { topic, partition, key, value: value!, headers: stringHeadersOf(headers) };
}
