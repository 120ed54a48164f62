import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LedgerJournalV1 } from '@clearing/contracts';
import { JournalCodec } from '@clearing/ledger';
import { ownJournalEvent } from './own-journal-event';
import { isPartitionHalt } from './partition-halt';

const at = { partition: 3, offset: '42' };

describe('a journal reader rebuilding a record', () => {
  it('given a journal record without postings, when it is rebuilt, then the partition halts', () => {
    const broken = { id: 'evt-1', type: 'FillCleared', account: 'acct-a' } as unknown as LedgerJournalV1;
    assert.throws(
      () => ownJournalEvent(new JournalCodec(), broken, at),
      (error: unknown) => isPartitionHalt(error) && /partition 3 offset 42/.test((error as Error).message),
    );
  });

  it('given a journal record of an unknown schema version, when it is rebuilt, then the partition halts', () => {
    const future = {
      schemaVersion: 99,
      id: 'evt-2',
      type: 'Deposited',
      account: 'acct-a',
      sequence: 1,
      occurredAt: '2026-12-06T00:00:00.000Z',
      source: 'test',
      postings: [],
      payload: {},
    } as unknown as LedgerJournalV1;
    assert.throws(() => ownJournalEvent(new JournalCodec(), future, at), isPartitionHalt);
  });
});
