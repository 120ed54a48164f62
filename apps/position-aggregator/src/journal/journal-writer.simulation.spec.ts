import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Batch, KafkaMessage } from 'kafkajs';
import { registeredTermsOf, TOPICS } from '@clearing/contracts';
import {
  BatchCommitter,
  decodeContract,
  OffsetToCommit,
  OutboundMessage,
  TransformProcessor,
} from '@clearing/kafka';
import { devSigningKey } from '@clearing/config';
import { JournalCodec, JournalEventWire, signCommand } from '@clearing/ledger';
import { seededRandom } from '../../../../libs/testing/src/fill-stream';
import { aggregatorSettingsFromEnv } from '../aggregator.settings';
import { JournalShards } from './journal-shards';
import { JournalWriterHandler } from './journal-writer.handler';

const SEED = Number(process.env.WRITER_SIM_SEED ?? Date.now() % 100_000);
const ACCOUNTS = ['acct-a', 'acct-b', 'acct-c', 'acct-d'];

/** Deposits and perpetual fill legs (with repeats) for four accounts, as raw ledger.commands.v1 records. */
function commandRecords(count: number, random: (below: number) => number): KafkaMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const id = random(10) === 0 && i > 0 ? random(i) : i; // ~10 % re-sent commands
    const account = ACCOUNTS[id % ACCOUNTS.length];
    const envelope = { schemaVersion: 1, account, issuedAt: `2026-03-14T09:${pad(id % 60)}:00Z` };
    const command =
      id % 3 === 0
        ? { ...envelope, commandId: `dep-${id}`, type: 'Deposit', asset: 'USDC', amount: `${1000 + id}` }
        : signCommand(fillLeg(envelope, id), 'position-aggregator', devSigningKey('position-aggregator'));
    const value = Buffer.from(JSON.stringify(command));
    return {
      key: Buffer.from(account),
      value,
      offset: String(i),
      timestamp: '0',
      attributes: 0,
      headers: {},
    };
  }) as KafkaMessage[];
}

function fillLeg(envelope: { account: string }, id: number): Record<string, unknown> {
  const side = id % 2 === 0 ? 'buy' : 'sell';
  return {
    ...envelope,
    commandId: `fill-${id}:${side}`,
    type: 'FillLeg',
    fillId: `fill-${id}`,
    side,
    counterpartyAccount: ACCOUNTS[(id + 1) % ACCOUNTS.length],
    terms: {
      instrument: 'BTC-PERP',
      kind: 'perpetual',
      settlementAsset: 'USDC',
      positionScale: 4,
      contractSize: '1',
    },
    price: `${60000 + (id % 50) * 10}`,
    quantity: `0.${pad((id % 97) + 1)}`,
    fee: '1.5',
    feeAsset: 'USDC',
    venue: 'venue-sim',
    venueSequence: id,
    fillHash: 'ab'.repeat(32),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The broker as the writer sees it: a transaction fails before it commits, or commits and then loses
 * its answer (in doubt); what committed is the journal the shards are read back from.
 */
class FlakyBroker implements BatchCommitter {
  readonly committed: OutboundMessage[] = [];
  private committedNext?: bigint;
  constructor(
    private readonly failOneIn: number,
    private readonly random: (below: number) => number,
  ) {}

  async ready(): Promise<void> {}
  async committedOffset(): Promise<bigint | undefined> {
    return this.committedNext;
  }
  expireAll(): void {}
  async close(): Promise<void> {}

  async commit(messages: readonly OutboundMessage[], offset: OffsetToCommit): Promise<void> {
    const roll = this.failOneIn > 0 ? this.random(this.failOneIn) : -1;
    if (roll === 0) throw new Error('broker lost before the commit');
    this.committed.push(...messages.filter((m) => m.topic !== `${TOPICS.ledgerCommands}.dlq`));
    this.committedNext = BigInt(offset.nextOffset);
    if (roll === 1) throw new Error('commit answer lost: the transaction did commit');
  }

  journalEvents(partition: number): JournalEventWire[] {
    return this.committed
      .filter((m) => m.topic === TOPICS.ledgerJournal && m.partition === partition)
      .map((m) => JSON.parse(String(m.value)) as JournalEventWire);
  }
}

/** Delivers the command log like kafkajs: random batch sizes, a failed batch fetched again from its start. */
async function runWriter(
  records: KafkaMessage[],
  failOneIn: number,
  seed: number,
): Promise<OutboundMessage[]> {
  const random = seededRandom(seed);
  const broker = new FlakyBroker(failOneIn, random);
  const codec = new JournalCodec();
  const settings = { ...aggregatorSettingsFromEnv({}), partitionCount: 1 };
  const shards = new JournalShards(
    async (partition, onEvents) => onEvents(broker.journalEvents(partition).map((e) => codec.fromWire(e))),
    { maxEvents: 7, maxEventTimeMs: 60_000 },
    codec.scaleOf,
    registeredTermsOf(),
  );
  const writer = new JournalWriterHandler(shards, codec, settings);
  const processor = new TransformProcessor({
    groupId: 'writer-sim',
    decode: decodeContract,
    producers: broker,
    transform: (batch) => writer.onCommands(batch as never),
  });
  for (let position = 0, attempts = 0; position < records.length && attempts < 10_000; attempts++) {
    const messages = records.slice(position, position + 1 + random(12));
    const last = messages[messages.length - 1].offset;
    const batch = {
      topic: TOPICS.ledgerCommands,
      partition: 0,
      messages,
      lastOffset: () => last,
      highWatermark: String(records.length),
    };
    try {
      await processor.process({
        batch: batch as unknown as Batch,
        resolveOffset: (offset) => (position = Number(offset) + 1),
        heartbeat: async () => undefined,
        seek: () => undefined,
        commitOffset: async () => undefined,
      });
    } catch {
      // kafkajs fetches the unresolved batch again
    }
  }
  assert.equal(broker.committed.length > 0, true);
  return broker.committed;
}

describe(`journal writer under failing transactions (seed ${SEED}, WRITER_SIM_SEED to rerun)`, () => {
  it('commits exactly the journal and settlements of a run where nothing failed', async () => {
    const records = commandRecords(400, seededRandom(SEED));
    const clean = await runWriter(records, 0, SEED);
    for (let run = 0; run < 5; run++) {
      const flaky = await runWriter(records, 4, SEED + run + 1);
      assert.deepEqual(
        flaky.map((m) => [m.topic, String(m.value)]),
        clean.map((m) => [m.topic, String(m.value)]),
        `run ${run}: the committed output differs from the failure-free run`,
      );
    }
  });
});
