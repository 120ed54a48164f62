import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPartitionHalt, KafkaBatchContext } from '@clearing/kafka';
import { JournalCodec } from '@clearing/ledger';
import { journalBatchOf, UNREBUILDABLE_JOURNAL_RECORD } from '@clearing/testing';
import { JournalHandler } from './journal-handler';

describe('the deleveraging engine reading a journal record that does not rebuild', () => {
  it('given such a record at partition 4 offset 9, then the partition halts there (never retried, never skipped)', async () => {
    // Only the owned accounts are reached before the record is rebuilt: the rest is not needed.
    const owned = { restored: async () => undefined } as never;
    const unused = undefined as never;
    const handler = new JournalHandler(new JournalCodec(), unused, owned, unused, unused);
    const batch = journalBatchOf(4, '9', UNREBUILDABLE_JOURNAL_RECORD);
    await assert.rejects(
      handler.onJournal(batch, {} as KafkaBatchContext),
      (error: unknown) => isPartitionHalt(error) && /partition 4 offset 9/.test((error as Error).message),
    );
  });
});
