import { LedgerJournalV1 } from '@clearing/contracts';
import { DecodedBatch } from '@clearing/kafka';

/** A ledger.journal.v1 record that does not rebuild (no time, no postings): only a broken writer makes one. */
export const UNREBUILDABLE_JOURNAL_RECORD = {
  schemaVersion: 1,
  id: 'evt-1',
  type: 'FillCleared',
  account: 'acct-a',
} as unknown as LedgerJournalV1;

/** One journal record at `partition`/`offset` as a journal handler receives it, decoded, in a batch. */
export function journalBatchOf(
  partition: number,
  offset: string,
  value: LedgerJournalV1,
): DecodedBatch<LedgerJournalV1> {
  return {
    topic: 'ledger.journal.v1',
    partition,
    heartbeat: async () => undefined,
    messages: [{ partition, offset, value }],
  } as unknown as DecodedBatch<LedgerJournalV1>;
}
