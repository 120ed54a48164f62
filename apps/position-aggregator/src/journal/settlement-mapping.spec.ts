import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOPICS } from '@clearing/contracts';
import { ClosedCycle } from '@clearing/ledger';
import { settlementMessages } from './settlement-mapping';

const USDC_SCALE = 6;

/** Cycle 7 of shard 2: alice paid a fee and realized a loss, bob realized the matching gain. */
const cycle: ClosedCycle = {
  shard: 2,
  cycleSeq: 7,
  openedAt: '2026-12-06T10:00:00Z',
  closedAt: '2026-12-06T10:01:00Z',
  eventCount: 3,
  obligations: [
    {
      account: 'alice',
      asset: 'USDC',
      net: -125_250_000n,
      gross: 125_250_000n,
      components: new Map([
        ['realizedPnl', -125_000_000n],
        ['fee', -250_000n],
      ]),
    },
    {
      account: 'bob',
      asset: 'USDC',
      net: 125_000_000n,
      gross: 125_000_000n,
      components: new Map([['realizedPnl', 125_000_000n]]),
    },
  ],
  byAsset: new Map([['USDC', { gross: 250_250_000n, net: 250_250_000n }]]),
};

describe('settlementMessages: a closed netting cycle as settlements.v1 records', () => {
  it('given a cycle of two accounts, then one obligation each (keyed by account) and a summary, in decimals', () => {
    const messages = settlementMessages(cycle, () => USDC_SCALE, 2);
    assert.deepEqual(
      messages.map((m) => [m.topic, m.key, m.partition]),
      [
        [TOPICS.settlements, 'alice', 2],
        [TOPICS.settlements, 'bob', 2],
        [TOPICS.settlements, 'cycle-2', 2],
      ],
    );
    assert.equal(
      messages[0].value,
      '{"schemaVersion":1,"cycleId":"2-7","partition":2,"cycleSeq":7,"kind":"obligation","account":"alice",' +
        '"asset":"USDC","net":"-125.25","gross":"125.25","components":{"realizedPnl":"-125","fee":"-0.25"},' +
        '"closedAt":"2026-12-06T10:01:00Z"}',
    );
    assert.equal(
      messages[2].value,
      '{"schemaVersion":1,"cycleId":"2-7","partition":2,"cycleSeq":7,"kind":"cycle-summary",' +
        '"openedAt":"2026-12-06T10:00:00Z","closedAt":"2026-12-06T10:01:00Z","eventCount":3,"obligationCount":2,' +
        '"byAsset":[{"asset":"USDC","gross":"250.25","net":"250.25","nettingEfficiency":"0"}]}',
    );
  });
});
