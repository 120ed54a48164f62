import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JournalEvent } from '../journal-event';
import { BTC_PERP, legsOf, scaleOf } from './book-fixtures';
import { CLOCK_TICKED } from './netting';
import { HandleOutcome, ShardLedger } from './shard-ledger';

const CYCLE_MS = 60_000;
const FILL_AT = '2026-12-06T01:00:00.000Z';
const newShard = () => new ShardLedger(0, { maxEvents: 1_000, maxEventTimeMs: CYCLE_MS }, scaleOf);

/** Alice buys 1 BTC-PERP from Carol (both on shard 0), 1 USDC fee each: two journal events, one cycle. */
function quietShard(): { shard: ShardLedger; journal: JournalEvent[] } {
  const shard = newShard();
  const fill = { fillId: 'f1', buyer: 'alice', seller: 'carol', terms: BTC_PERP, price: '50000' };
  const legs = legsOf({ ...fill, quantity: '1', fee: '1', at: FILL_AT });
  const journal = legs.flatMap((leg) => shard.handle(leg).events);
  return { shard, journal };
}

const tickAt = (shard: ShardLedger, at: string, commandId = `tick-${at}`): HandleOutcome =>
  shard.tick({ commandId, at });

describe('netting cycles of a quiet shard close on a journaled clock tick', () => {
  it('given fills and then silence, when a tick comes before the cycle length, then nothing is journaled', () => {
    const { shard } = quietShard();
    const outcome = tickAt(shard, '2026-12-06T01:00:59.999Z');
    assert.deepEqual([outcome.events, outcome.closedCycles, outcome.refusal], [[], [], undefined]);
  });

  it('when a tick comes at the cycle length, then one ClockTicked event closes the cycle with both fees', () => {
    const { shard } = quietShard();
    const { events, closedCycles } = tickAt(shard, '2026-12-06T01:01:00.000Z');
    assert.deepEqual(
      events.map((e) => [e.type, e.account, e.occurredAt, e.postings.length]),
      [[CLOCK_TICKED, 'CCP-0', '2026-12-06T01:01:00.000Z', 0]],
    );
    assert.equal(closedCycles.length, 1);
    const [cycle] = closedCycles;
    assert.deepEqual([cycle.cycleSeq, cycle.eventCount, cycle.closedAt], [1, 2, '2026-12-06T01:01:00.000Z']);
    assert.deepEqual(
      cycle.obligations.map((o) => [o.account, o.asset, o.net]),
      [
        ['alice', 'USDC', -1_000_000n],
        ['carol', 'USDC', -1_000_000n],
      ],
    );
  });

  it('when the same tick or a later one comes after the close, then nothing more is journaled (duplicates are harmless)', () => {
    const { shard } = quietShard();
    tickAt(shard, '2026-12-06T01:01:00.000Z');
    assert.deepEqual(tickAt(shard, '2026-12-06T01:01:00.000Z').events, []);
    assert.deepEqual(tickAt(shard, '2026-12-06T02:00:00.000Z', 'another').events, []);
  });

  it('when the journal with the tick is replayed, then the replay closes the same cycle at the same place', () => {
    const { shard, journal } = quietShard();
    const { events, closedCycles } = tickAt(shard, '2026-12-06T01:01:30.000Z');
    const replay = newShard();
    const closedOnReplay = [...journal, ...events].flatMap((event) => replay.restore(event));
    assert.deepEqual(closedOnReplay, closedCycles);
    // and the next event opens cycle 2 on both, so live writer and replay keep numbering alike
    const next = legsOf({
      fillId: 'f2',
      buyer: 'carol',
      seller: 'alice',
      terms: BTC_PERP,
      price: '50000',
      quantity: '1',
      at: '2026-12-06T01:05:00.000Z',
    })[0];
    const live = shard.handle(next);
    replay.restore(live.events[0]);
    const closeAt = '2026-12-06T01:06:00.000Z';
    assert.deepEqual(replay.tick({ commandId: 'x', at: closeAt }).closedCycles[0].cycleSeq, 2);
    assert.deepEqual(tickAt(shard, closeAt).closedCycles[0].cycleSeq, 2);
  });
});
