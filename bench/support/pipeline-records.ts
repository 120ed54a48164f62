import { Kafka } from 'kafkajs';
import { LedgerJournalV1 } from '@clearing/contracts';
import { readTopicToEnd, TopicRecord } from '@clearing/kafka';

/** `<fillId>:<side>`: one side of one fill, the unit the writer and the projection work in. */
export type LegKey = string;

export interface JournalRecord {
  record: TopicRecord;
  wire: LedgerJournalV1;
  /** Set on FillCleared events. */
  legKey?: LegKey;
}

/** What one aggregator run left on its topics, read back after it drained (never during the clock). */
export interface PipelineRecords {
  /** Fill id -> its record on fills.v1. */
  fills: Map<string, TopicRecord>;
  /** The intake's FillLeg commands on ledger.commands.v1, by leg. */
  legs: Map<LegKey, { record: TopicRecord; account: string }>;
  /** Every committed journal event, in partition order (so in account sequence order per account). */
  journal: JournalRecord[];
}

export async function readPipeline(
  kafka: Kafka,
  topics: { fills: string; ledgerCommands: string; ledgerJournal: string },
): Promise<PipelineRecords> {
  const fills = new Map<string, TopicRecord>();
  await readTopicToEnd(kafka, topics.fills, (records) => {
    for (const record of records) fills.set(parsed<{ fillId: string }>(record).fillId, record);
  });
  const legs = new Map<LegKey, { record: TopicRecord; account: string }>();
  await readTopicToEnd(kafka, topics.ledgerCommands, (records) => {
    for (const record of records) {
      const command = parsed<{ type: string; account: string; fillId?: string; side?: string }>(record);
      if (command.type === 'FillLeg')
        legs.set(`${command.fillId}:${command.side}`, { record, account: command.account });
    }
  });
  const journal: JournalRecord[] = [];
  await readTopicToEnd(kafka, topics.ledgerJournal, (records) => {
    for (const record of records) {
      const wire = parsed<LedgerJournalV1>(record);
      const { fillId, side } = wire.payload as { fillId?: string; side?: string };
      journal.push({ record, wire, legKey: wire.type === 'FillCleared' ? `${fillId}:${side}` : undefined });
    }
  });
  return { fills, legs, journal };
}

function parsed<T>(record: TopicRecord): T {
  return JSON.parse(record.value!.toString()) as T;
}
