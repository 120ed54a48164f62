// Test support for the verify and replay specs (not used by the commands): a small journal on two shards,
// built by the real single-writer domain (ShardLedger), and its records as the journal topic holds them.
import { JournalCodec, JournalEvent } from '@clearing/ledger';
import {
  BTC_CALL_60K,
  BTC_PERP,
  clear,
  SHARD_OF,
  shards,
  usdc,
} from '../../../ledger/src/book/book-fixtures';

/** Deposits, a perpetual round trip with realized P&L and an option premium, across both shards. */
export function sampleJournal(): JournalEvent[] {
  const ledgers = shards();
  const deposit = (account: string, amount: string) =>
    ledgers[SHARD_OF[account]].handle({
      type: 'Deposit',
      commandId: `deposit-${account}`,
      account,
      occurredAt: '2026-11-24T09:00:00Z',
      asset: 'USDC',
      amount: usdc(amount),
    }).events;
  return [
    ...deposit('alice', '100000'),
    ...deposit('bob', '100000'),
    ...deposit('carol', '50000'),
    ...clear(ledgers, {
      fillId: 'f1',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_PERP,
      price: '50000',
      quantity: '2',
      fee: '1',
    }),
    ...clear(ledgers, {
      fillId: 'f2',
      buyer: 'carol',
      seller: 'alice',
      terms: BTC_PERP,
      price: '51000',
      quantity: '1',
      fee: '1',
    }),
    ...clear(ledgers, {
      fillId: 'f3',
      buyer: 'carol',
      seller: 'bob',
      terms: BTC_CALL_60K,
      price: '1250.5',
      quantity: '3',
      fee: '0.5',
    }),
  ];
}

export interface JournalRecord {
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: string;
}

/** The records a journal topic would hold: keyed by account, partition = the account's shard, JSON values. */
export function journalRecords(events: readonly JournalEvent[], codec = new JournalCodec()): JournalRecord[] {
  const nextOffset = new Map<number, number>();
  return events.map((event) => {
    const partition = SHARD_OF[event.account];
    const offset = nextOffset.get(partition) ?? 0;
    nextOffset.set(partition, offset + 1);
    return {
      partition,
      offset: String(offset),
      key: event.account,
      value: JSON.stringify(codec.toWire(event)),
    };
  });
}
