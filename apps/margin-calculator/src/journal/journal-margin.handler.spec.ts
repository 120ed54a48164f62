import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LedgerJournalV1 } from '@clearing/contracts';
import { DecodedBatch, isPartitionHalt, KafkaBatchContext } from '@clearing/kafka';
import { JournalCodec } from '@clearing/ledger';
import { JournalMarginHandler } from './journal-margin.handler';

/** A journal record that does not rebuild (no postings): only a broken writer could have produced it. */
const broken = { schemaVersion: 1, id: 'evt-1', type: 'FillCleared', account: 'acct-a' };

describe('the margin calculator reading a journal record that does not rebuild', () => {
  it('given such a record at partition 2 offset 7, then the partition halts there (never retried, never skipped)', async () => {
    // Only the owned accounts are reached before the record is rebuilt: the rest is not needed.
    const owned = { restored: async () => undefined } as never;
    const unused = undefined as never;
    const handler = new JournalMarginHandler(new JournalCodec(), unused, owned, unused, unused, unused);
    const batch = {
      topic: 'ledger.journal.v1',
      partition: 2,
      heartbeat: async () => undefined,
      messages: [{ partition: 2, offset: '7', value: broken as unknown as LedgerJournalV1 }],
    } as unknown as DecodedBatch<LedgerJournalV1>;
    await assert.rejects(
      handler.onJournal(batch, {} as KafkaBatchContext),
      (error: unknown) => isPartitionHalt(error) && /partition 2 offset 7/.test((error as Error).message),
    );
  });
});
