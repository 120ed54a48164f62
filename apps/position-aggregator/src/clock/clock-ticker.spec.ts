import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kafka, ProducerRecord } from 'kafkajs';
import { ClockTickCommandV1, registeredTermsOf, TOPICS } from '@clearing/contracts';
import { JournalCodec, JournalEvent, ShardLedger, signatureRefusalOf } from '@clearing/ledger';
import { ClearingMetrics } from '@clearing/observability';
import { aggregatorSettingsFromEnv } from '../aggregator.settings';
import { JournalShards } from '../journal/journal-shards';
import { ClockTicker } from './clock-ticker';

const settings = {
  ...aggregatorSettingsFromEnv({}),
  cyclePolicy: { maxEvents: 1_000, maxEventTimeMs: 60_000 },
};
const codec = new JournalCodec();

/** Shard 0's journal: one deposit at 00:00, so its open cycle is due from 00:01. Shard 1's is empty. */
function depositAtMidnight(): JournalEvent[] {
  const shard = new ShardLedger(0, settings.cyclePolicy, codec.scaleOf);
  return shard.handle({
    type: 'Deposit',
    commandId: 'dep-1',
    account: 'alice',
    occurredAt: '2026-12-06T00:00:00.000Z',
    asset: 'USDC',
    amount: 1_000_000n,
  }).events;
}

/** A ticker whose producer records what it sends, and whose writer has read both shards. */
async function tickerOverTwoShards(): Promise<{ ticker: ClockTicker; sent: ProducerRecord[] }> {
  const sent: ProducerRecord[] = [];
  const producer = { connect: async () => undefined, send: async (r: ProducerRecord) => void sent.push(r) };
  const kafka = { producer: () => producer } as unknown as Kafka;
  const journal = new Map([[0, depositAtMidnight()]]);
  const shards = new JournalShards(
    async (partition, onEvents) => onEvents(journal.get(partition) ?? []),
    settings.cyclePolicy,
    codec.scaleOf,
    registeredTermsOf(),
  );
  for (const partition of [0, 1]) await shards.get(partition, 1, async () => undefined);
  return { ticker: new ClockTicker(kafka, shards, new ClearingMetrics(), settings), sent };
}

describe("the journal writer's clock", () => {
  it('given shard 0 with a cycle due and shard 1 with none, when it ticks, then only shard 0 gets a signed ClockTick at that time', async () => {
    const { ticker, sent } = await tickerOverTwoShards();
    ticker.own([0, 1]);
    await ticker.tick(Date.parse('2026-12-06T00:01:00.000Z'));
    assert.deepEqual(
      sent.map((r) => [r.topic, r.messages.map((m) => m.partition)]),
      [[TOPICS.ledgerCommands, [0]]],
    );
    const command = JSON.parse(String(sent[0].messages[0].value)) as ClockTickCommandV1;
    assert.deepEqual(
      [command.type, command.shard, command.account, command.issuedAt],
      ['ClockTick', 0, 'CCP-0', '2026-12-06T00:01:00.000Z'],
    );
    assert.equal(
      signatureRefusalOf(command, 'position-aggregator', settings.signingKeys['position-aggregator']),
      undefined,
    );
  });

  it('given a cycle not due yet, or partitions this writer does not own, then nothing is sent', async () => {
    const { ticker, sent } = await tickerOverTwoShards();
    ticker.own([0, 1]);
    await ticker.tick(Date.parse('2026-12-06T00:00:59.999Z'));
    ticker.own([]);
    await ticker.tick(Date.parse('2026-12-06T00:05:00.000Z'));
    assert.deepEqual(sent, []);
  });
});
