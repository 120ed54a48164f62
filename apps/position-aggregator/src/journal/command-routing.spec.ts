import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORWARDED_FROM_HEADER, LedgerCommandV1, TOPICS } from '@clearing/contracts';
import { ConsumedMessage, partitionOfKey, TransformResult } from '@clearing/kafka';
import { aggregatorSettingsFromEnv } from '../aggregator.settings';
import { writerOnEmptyJournal } from './writer-on-empty-journal';

// Issue 11, finding 6: a producer whose partitioner is not murmur2 (librdkafka's consistent_random:
// kcat, Go, Python, C#, Rust clients) puts a command on a partition that does not own it.
const PARTITIONS = 6;
const settings = { ...aggregatorSettingsFromEnv({}), partitionCount: PARTITIONS };
const deposit = (commandId: string, account: string): LedgerCommandV1 => ({
  schemaVersion: 1,
  commandId,
  type: 'Deposit',
  account,
  issuedAt: '2026-03-14T09:30:00Z',
  asset: 'USDC',
  amount: '100',
});
const expiry = (shard: number): LedgerCommandV1 => ({
  schemaVersion: 1,
  commandId: `expiry-${shard}`,
  type: 'InstrumentExpiry',
  account: `CCP-${shard}`,
  issuedAt: '2026-03-27T08:00:00Z',
  shard,
  instrument: 'BTC-27MAR26',
  settlementPrice: '60000',
  expiry: '2026-03-27T08:00:00Z',
});

function arriving(value: LedgerCommandV1, partition: number, headers: Record<string, string> = {}) {
  const raw = {
    key: Buffer.from(value.account),
    value: Buffer.from(JSON.stringify(value)),
    headers: { ...headers, trace: 'abc' },
    offset: '7',
    timestamp: '0',
    attributes: 0,
  };
  const message: ConsumedMessage<LedgerCommandV1> = {
    topic: TOPICS.ledgerCommands,
    partition,
    offset: '7',
    key: raw.key,
    headers: raw.headers,
    timestampMs: 0,
    value,
    raw,
  };
  return message;
}

async function write(partition: number, message: ConsumedMessage<LedgerCommandV1>): Promise<TransformResult> {
  const writer = writerOnEmptyJournal(settings);
  return writer.onCommands({
    topic: TOPICS.ledgerCommands,
    partition,
    messages: [message],
    heartbeat: async () => undefined,
  });
}

const otherThan = (owner: number) => (owner + 1) % PARTITIONS;

describe('commands that arrive on a partition that does not own them are routed to their owner (finding 6)', () => {
  it('given a deposit for alice on another partition, then the same bytes go to her partition with where they came from, and nothing is booked here', async () => {
    const owner = partitionOfKey('alice', PARTITIONS);
    const message = arriving(deposit('dep-1', 'alice'), otherThan(owner));
    const result = await write(otherThan(owner), message);
    assert.deepEqual(result.outputs, []);
    assert.deepEqual(result.rejected, []);
    assert.equal(result.forwarded?.length, 1);
    const [forward] = result.forwarded!;
    assert.equal(forward.topic, TOPICS.ledgerCommands);
    assert.equal(forward.partition, owner);
    assert.deepEqual([forward.key, forward.value], [message.raw.key, message.raw.value]);
    assert.deepEqual(forward.headers, {
      trace: 'abc',
      [FORWARDED_FROM_HEADER]: `${TOPICS.ledgerCommands}[${otherThan(owner)}]@7`,
    });
  });

  it('given the same deposit on its own partition, then it is booked', async () => {
    const owner = partitionOfKey('alice', PARTITIONS);
    const result = await write(owner, arriving(deposit('dep-1', 'alice'), owner));
    assert.equal(result.forwarded?.length ?? 0, 0);
    assert.ok(result.outputs.some((m) => m.topic === TOPICS.ledgerJournal));
  });

  it('given a command forwarded once that still reaches a non-owner, then it is refused with a reason, never forwarded again', async () => {
    const owner = partitionOfKey('alice', PARTITIONS);
    const forwarded = { [FORWARDED_FROM_HEADER]: `${TOPICS.ledgerCommands}[${owner}]@3` };
    const result = await write(
      otherThan(owner),
      arriving(deposit('dep-1', 'alice'), otherThan(owner), forwarded),
    );
    assert.equal(result.forwarded?.length ?? 0, 0);
    assert.equal(result.rejected?.length, 1);
    assert.match(result.rejected![0].reason, /forwarded from .* owned by/);
  });

  it('given an expiry or an insurance fund command, then the owner is its shard, as when it is decided', async () => {
    const toShard2 = await write(0, arriving(expiry(2), 0));
    assert.equal(toShard2.forwarded?.[0].partition, 2);
    const toFund4 = await write(0, arriving(deposit('fund-4', 'INSURANCE-FUND-4'), 0));
    assert.equal(toFund4.forwarded?.[0].partition, 4);
  });

  it("given a command naming a shard system account (CCP-3), then shard 3 decides it: the writer that journals that account's clock ticks and funding periods", async () => {
    // The hostile suite (seed 1856762754) sent a Deposit to CCP-0; murmur2 gave it to another shard, whose
    // writer journaled the refusal as CCP-0's sequence 1 after shard 0 had journaled three ClockTicked.
    const owner = 3;
    const elsewhere =
      partitionOfKey('CCP-3', PARTITIONS) === owner ? otherThan(owner) : partitionOfKey('CCP-3', PARTITIONS);
    const result = await write(elsewhere, arriving(deposit('to-ccp', 'CCP-3'), elsewhere));
    assert.equal(result.forwarded?.[0].partition, owner);
    assert.deepEqual(result.outputs, []);
  });

  it('given a shard that does not exist, then the command is refused, not forwarded to nowhere', async () => {
    const result = await write(0, arriving(expiry(PARTITIONS), 0));
    assert.equal(result.forwarded?.length ?? 0, 0);
    assert.match(result.rejected![0].reason, /shard 6: there are 6/);
  });
});
