import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SettlementV1 } from '@clearing/contracts';
import {
  AggregatorFixture,
  depositMessage,
  eventually,
  fillMessage,
  publishRaw,
  readCommitted,
  replayJournal,
  verifyWhenCaughtUp,
} from '@clearing/testing';
import { databaseUrlFromEnv } from '@clearing/config';
import { PROJECTION_GROUP } from './aggregator.settings';

// Issue 12, defect 3: a cycle closed only when a later journal event of its partition arrived, so a
// partition that went quiet never published its obligations.
const CYCLE_MS = 2_000;
/** How long after the cycle length the obligations may take to appear (tick interval + a loaded box). */
const PUBLICATION_BOUND_MS = 45_000;

/** Every settlements.v1 message once each of `accounts` has an obligation; else undefined. */
async function obligationsOf(
  aggregator: AggregatorFixture,
  accounts: string[],
): Promise<SettlementV1[] | undefined> {
  const all = (await readCommitted(aggregator.kafka.kafka, aggregator.topics.settlements)).map(
    (r) => JSON.parse(r.value!.toString()) as SettlementV1,
  );
  const owed = all.filter((m) => m.kind === 'obligation' && accounts.includes(m.account));
  return owed.length === accounts.length ? all : undefined;
}

describe('netting cycles close on time, also on a partition that goes quiet', () => {
  const aggregator = new AggregatorFixture({
    NETTING_CYCLE_EVENTS: '1000',
    NETTING_CYCLE_MS: String(CYCLE_MS),
  });
  before(async () => {
    await aggregator.open(['alice', 'bob']);
    await aggregator.start();
  });
  after(() => aggregator.close());

  it('given a fill on a partition that then goes quiet, when the cycle length passes, then its obligations are published', async () => {
    // Given Alice buys 1 BTC-PERP from Bob, each paying a 1 USDC fee, and then nothing more happens
    const { kafka } = aggregator.kafka;
    await publishRaw(kafka, aggregator.topics.ledgerCommands, [
      depositMessage('alice', '10000'),
      depositMessage('bob', '10000'),
    ]);
    await publishRaw(kafka, aggregator.topics.fills, [
      fillMessage({
        fillId: 'quiet-1',
        instrument: 'BTC-PERP',
        price: '50000',
        quantity: '1',
        buyer: 'alice',
        seller: 'bob',
        fee: '1',
        eventTime: new Date().toISOString(),
      }),
    ]);
    // When the cycle length passes with no further event on either partition
    const settlements = await eventually(
      () => obligationsOf(aggregator, ['alice', 'bob']),
      CYCLE_MS + PUBLICATION_BOUND_MS,
      500,
    );
    // Then each account's fee is an obligation of a closed cycle, with that cycle's summary
    for (const account of ['alice', 'bob']) {
      const owed = settlements.find((m) => m.kind === 'obligation' && m.account === account)!;
      assert.deepEqual(owed.kind === 'obligation' && [owed.asset, owed.net, owed.components], [
        'USDC',
        '-1',
        { fee: '-1' },
      ]);
      assert.ok(
        settlements.some((m) => m.kind === 'cycle-summary' && m.cycleId === owed.cycleId),
        `the cycle ${owed.cycleId} of ${account}'s obligation has a summary`,
      );
    }
  });

  it('then clearing verify passes and clearing replay rebuilds the live projection from the journal that carries the ticks', async () => {
    const report = await verifyWhenCaughtUp({
      kafka: aggregator.kafka.kafka,
      topic: aggregator.topics.ledgerJournal,
      dataSource: aggregator.database.dataSource,
      consumerGroup: PROJECTION_GROUP,
    });
    assert.deepEqual(
      report.checks.filter((c) => !c.ok),
      [],
    );
    const replay = await replayJournal({
      kafka: aggregator.kafka.kafka,
      topic: aggregator.topics.ledgerJournal,
      databaseUrl: databaseUrlFromEnv(),
      liveSchema: aggregator.database.schema,
    });
    assert.deepEqual([replay.identical, replay.firstDifferentTable], [true, undefined]);
  });
});
