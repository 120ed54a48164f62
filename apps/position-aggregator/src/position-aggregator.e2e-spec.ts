import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DLQ_HEADERS } from '@clearing/contracts';
import {
  AggregatorFixture,
  depositMessage,
  eventually,
  fillMessage,
  publishRaw,
  readCommitted,
  verifyWhenCaughtUp,
} from '@clearing/testing';
import { PROJECTION_GROUP } from './aggregator.settings';

describe('position aggregator, driven as an upstream matching engine drives it', () => {
  // Cycles cut by event count only: the fills are dated weeks ago, so any shorter length would let the
  // writer's clock close a cycle between them (netting-on-time.e2e-spec.ts covers closing by time).
  const aggregator = new AggregatorFixture({
    NETTING_CYCLE_EVENTS: '4',
    NETTING_CYCLE_MS: String(10 * 365 * 86_400_000),
  });
  before(async () => {
    await aggregator.open(['alice', 'bob', 'carol']);
    await aggregator.start();
  });
  after(() => aggregator.close());

  it('novates fills into positions and balances, books a repeated fill once, and dead-letters what a CCP refuses', async () => {
    const { kafka } = aggregator.kafka;
    await publishRaw(kafka, aggregator.topics.ledgerCommands, [
      depositMessage('alice', '100000'),
      depositMessage('bob', '100000'),
    ]);
    const good = [
      fillMessage({
        fillId: 'f-1',
        instrument: 'BTC-PERP',
        price: '50000',
        quantity: '2',
        buyer: 'alice',
        seller: 'bob',
        fee: '1',
      }),
      fillMessage({
        fillId: 'f-2',
        instrument: 'BTC-PERP',
        price: '51000',
        quantity: '1',
        buyer: 'carol',
        seller: 'alice',
        fee: '1',
      }),
    ];
    const refused = [
      fillMessage({
        fillId: 'f-1',
        instrument: 'BTC-PERP',
        price: '50000',
        quantity: '2',
        buyer: 'alice',
        seller: 'bob',
        fee: '1',
      }),
      fillMessage({
        fillId: 'f-2',
        instrument: 'BTC-PERP',
        price: '99999',
        quantity: '1',
        buyer: 'carol',
        seller: 'alice',
        fee: '1',
      }),
      fillMessage({
        fillId: 'f-3',
        instrument: 'DOGE-PERP',
        price: '1',
        quantity: '1',
        buyer: 'alice',
        seller: 'bob',
      }),
      fillMessage({
        fillId: 'f-4',
        instrument: 'BTC-PERP',
        price: '50000',
        quantity: '1',
        buyer: 'alice',
        seller: 'alice',
      }),
      fillMessage({
        fillId: 'f-5',
        instrument: 'BTC-PERP',
        price: '50000',
        quantity: '0.00001',
        buyer: 'alice',
        seller: 'bob',
      }),
      fillMessage({
        fillId: 'f-6',
        instrument: 'BTC-PERP',
        price: '50000',
        quantity: '1',
        buyer: 'alice',
        seller: 'mallory',
      }),
      { key: 'BTC-PERP', value: '{"fillId": "f-7", "price": 50000}' },
    ];
    await publishRaw(kafka, aggregator.topics.fills, [...good, ...refused]);

    const positions = await eventually(async () => {
      const rows = await aggregator.query<{ account_id: string; quantity: string; realized_pnl: string }>(
        `SELECT account_id, quantity::text, realized_pnl::text FROM positions WHERE instrument = 'BTC-PERP' ORDER BY account_id`,
      );
      return rows.length === 3 ? rows : undefined;
    }, 60_000);
    assert.deepEqual(
      positions.map((p) => [p.account_id, Number(p.quantity), Number(p.realized_pnl)]),
      [
        ['alice', 1, 1000],
        ['bob', -2, 0],
        ['carol', 1, 0],
      ],
    );
    const [alice] = await aggregator.query<{ amount: string }>(
      `SELECT amount::text FROM balances WHERE account_id = 'alice' AND asset = 'USDC'`,
    );
    assert.equal(Number(alice.amount), 100000 + 1000 - 2);

    const deadLetters = await eventually(async () => {
      const letters = await readCommitted(kafka, `${aggregator.topics.fills}.dlq`);
      return letters.length >= refused.length ? letters : undefined;
    });
    const reasons = deadLetters.map((d) => d.headers![DLQ_HEADERS.reason]!.toString()).sort();
    assert.equal(deadLetters.length, refused.length, 'in = accepted + rejected');
    for (const expected of [
      /duplicate of fill f-1/,
      /conflict of fill f-2/,
      /unknown instrument DOGE-PERP/,
      /same account alice/,
      /lot size/,
      /unknown account mallory/,
      /must be string|required/,
    ]) {
      assert.ok(
        reasons.some((r) => expected.test(r)),
        `no dead letter matching ${expected}: ${reasons.join(' | ')}`,
      );
    }
  });

  it('publishes each netting cycle: net obligations per account and asset, and the cycle efficiency', async () => {
    // Alice's shard closes a cycle after 4 events (her opening, deposit, two fills): fees -1 -1, realized P&L +1000.
    const messages = await eventually(async () => {
      const all = (await readCommitted(aggregator.kafka.kafka, aggregator.topics.settlements)).map((r) =>
        JSON.parse(r.value!.toString()),
      );
      return all.some((m) => m.kind === 'obligation' && m.account === 'alice') ? all : undefined;
    });
    const alice = messages.find((m) => m.kind === 'obligation' && m.account === 'alice');
    assert.deepEqual([alice.asset, alice.net, alice.gross], ['USDC', '998', '1002']);
    assert.deepEqual(alice.components, { fee: '-2', realizedPnl: '1000' });
    const summary = messages.find((m) => m.kind === 'cycle-summary' && m.cycleId === alice.cycleId);
    assert.ok(summary, 'the cycle of the obligation has a summary');
    assert.ok(
      summary.byAsset.every(
        (a: { nettingEfficiency: string }) =>
          Number(a.nettingEfficiency) >= 0 && Number(a.nettingEfficiency) <= 1,
      ),
    );
  });

  it('settles every holder of an expired option when the oracle publishes its settlement price', async () => {
    // Given Bob bought 10 BTC 100,000 calls (0.1 BTC each) from Carol at 1,500
    const { kafka } = aggregator.kafka;
    const call = 'BTC-25DEC26-100000-C';
    await publishRaw(kafka, aggregator.topics.fills, [
      fillMessage({
        fillId: 'o-1',
        instrument: call,
        price: '1500',
        quantity: '10',
        buyer: 'bob',
        seller: 'carol',
      }),
    ]);
    await eventually(async () => {
      const rows = await aggregator.query(`SELECT 1 FROM positions WHERE instrument = $1 AND quantity <> 0`, [
        call,
      ]);
      return rows.length === 2 ? true : undefined;
    });
    // When the oracle publishes the expiry settlement at 103,000
    const mark = {
      schemaVersion: 1,
      kind: 'expiry-settlement',
      status: 'valid',
      asOf: '2026-12-25T08:00:00.000Z',
      instrument: call,
      underlying: 'BTC',
      expiry: '2026-12-25T08:00:00.000Z',
      settlementPrice: '103000',
      valuePerContract: '300',
      coverage: '1',
      windowMs: 1800000,
    };
    await publishRaw(kafka, aggregator.topics.marks, [{ key: call, value: JSON.stringify(mark) }]);
    // Then both are flat, Bob got 10 x 0.1 x 3,000 = 3,000 USDC and Carol paid it
    const balances = await eventually(async () => {
      const open = await aggregator.query(`SELECT 1 FROM positions WHERE instrument = $1 AND quantity <> 0`, [
        call,
      ]);
      if (open.length > 0) return undefined;
      return aggregator.query<{ account_id: string; amount: string }>(
        `SELECT account_id, amount::text FROM balances WHERE asset = 'USDC' AND account_id IN ('bob', 'carol') ORDER BY account_id`,
      );
    });
    const usdc = Object.fromEntries(balances.map((b) => [b.account_id, Number(b.amount)]));
    assert.equal(usdc.bob, 100000 - 1 - 1500 + 3000);
    assert.equal(usdc.carol, -1 + 1500 - 3000);
  });

  it('passes clearing verify over its journal and projection once the projection has caught up', async () => {
    // Given everything above booked; when clearing verify reads the journal and the projection's schema
    const report = await verifyWhenCaughtUp({
      kafka: aggregator.kafka.kafka,
      topic: aggregator.topics.ledgerJournal,
      dataSource: aggregator.database.dataSource,
      consumerGroup: PROJECTION_GROUP,
    });
    // Then every check passes: zero-sum, flat CCP, both legs, gapless sequences, projection = fold
    assert.deepEqual(
      report.checks.filter((c) => !c.ok),
      [],
    );
    assert.ok(report.ok);
    assert.ok(report.counts.fills >= 2, 'the fills above are in the verified journal');
  });
});
