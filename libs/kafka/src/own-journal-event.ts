import { LedgerJournalV1 } from '@clearing/contracts';
import { JournalCodec, JournalEvent, JournalEventWire } from '@clearing/ledger';
import { PartitionHaltError } from './partition-halt';

/**
 * A journal record decoded by decodeJournalOwnWrite, rebuilt as every journal reader needs it (the
 * aggregator's projection, the margin calculator, the deleveraging engine). The journal is read without a
 * schema pass (issue 15): the writer produced it, and only the writer may write it. An event that does not
 * rebuild (bad shape, unknown version, unbalanced postings) is therefore a broken ledger, not input to skip:
 * the partition halts, loudly (metric, readiness, log), until an operator resumes it after a fix, instead of
 * retrying the batch forever.
 */
export function ownJournalEvent(
  codec: JournalCodec,
  wire: LedgerJournalV1,
  at: { partition: number; offset: string },
): JournalEvent {
  try {
    return codec.fromWire(wire as unknown as JournalEventWire);
  } catch (error) {
    throw new PartitionHaltError(
      `journal partition ${at.partition} offset ${at.offset} does not rebuild: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
