import { KafkaMessage } from 'kafkajs';
import { LedgerJournalV1 } from '@clearing/contracts';

/** One side of a fill as the ledger's writer journaled it. */
export interface JournaledLeg {
  readonly account: string;
  /** The account's journal sequence of this FillCleared event. */
  readonly sequence: number;
  /** CreateTime of the journal record: when the writer sent it inside its transaction. */
  readonly writtenAtMs: number;
}

/**
 * The FillCleared events of ledger.journal.v1 by `<fillId>:<side>`: which account sequence carries each
 * side of a fill, so a margin.v1 message can be said to include it (its journalSequence is at least that).
 */
export class JournalLegs {
  private readonly legs = new Map<string, JournaledLeg>();

  readonly onRecord = (message: KafkaMessage): void => {
    const event = JSON.parse(message.value!.toString()) as LedgerJournalV1;
    if (event.type !== 'FillCleared') return;
    const { fillId, side } = event.payload as { fillId: string; side: string };
    if (event.sequence === undefined) throw new Error(`FillCleared ${event.id} has no sequence`);
    this.legs.set(`${fillId}:${side}`, {
      account: event.account,
      sequence: event.sequence,
      writtenAtMs: Number(message.timestamp),
    });
  };

  get size(): number {
    return this.legs.size;
  }

  of(fillId: string, side: 'buy' | 'sell'): JournaledLeg | undefined {
    return this.legs.get(`${fillId}:${side}`);
  }

  all(): IterableIterator<JournaledLeg> {
    return this.legs.values();
  }
}
